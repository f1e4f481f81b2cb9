namespace Analytics.Api.Features.Reports.Shared.Rendering;

/// <summary>Everything a renderer needs: the report, its subject's name, when it was generated and one section per analytic.</summary>
public sealed record ReportContent(
    ReportRow Report,
    ReportParameters Parameters,
    string SubjectName,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<ReportSection> Sections);
