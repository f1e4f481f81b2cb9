namespace Analytics.Api.Features.Reports.Shared;

/// <summary>A report order's subject, template and analytics after the defaults, authorised for its requester.</summary>
public sealed record ResolvedReport(string Type, string SubjectId, ReportTemplate Template, IReadOnlyList<string> Analytics);
