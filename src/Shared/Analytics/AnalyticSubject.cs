namespace Analytics.Api.Shared.Analytics;

/// <summary>`meta.subject` (API.md §3.2).</summary>
public sealed record AnalyticSubject(string Type, string Id);
