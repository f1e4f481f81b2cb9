namespace Analytics.Api.Features.Reports.Shared;

/// <summary>A report template as `GET /reports/templates` lists it (API.md §4.7).</summary>
public sealed record ReportTemplate(
    string Id,
    string Name,
    string Description,
    string Type,
    IReadOnlyList<string> Analytics,
    string DefaultFormat,
    IReadOnlyList<string> Formats);
