namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>
/// One `recommendations[]` item: the app fields (priority and expectedImpact `High|Medium|Low`, confidence pct, timeToComplete
/// like "45 min" or null, difficulty always null) plus `reason` (merged reasons of duplicates) and `sourceAnalytic`.
/// </summary>
public sealed record RecommendationItem(
    string Id,
    string Title,
    string Description,
    string Category,
    string Priority,
    double? Confidence,
    string ExpectedImpact,
    string? TimeToComplete,
    string? Difficulty,
    IReadOnlyList<RecommendationResource> Resources,
    string Reason,
    string SourceAnalytic);
