namespace Analytics.Api.Shared.Analytics;

/// <summary>The entity kinds (lrs table names) an analytic requires and the ones it uses when present (SOURCES.md §1.4).</summary>
public sealed record AnalyticRequirement(string Analytic, IReadOnlyList<string> Requires, IReadOnlyList<string> Uses);
