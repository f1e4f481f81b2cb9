namespace Analytics.Api.Features.Reports.Shared;

/// <summary>`error {code, message}` of a failed report (API.md §4.7).</summary>
public sealed record ReportError(string Code, string Message);
