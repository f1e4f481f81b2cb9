namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>
/// `summary` over the feed items issued in the last 90 days: counts, completionRate = completed/issued and successRate =
/// completed/acted-on (pct 1 dp, null when the base is 0), and the completion rate of the last 7, 30 and 90 days.
/// </summary>
public sealed record RecommendationSummary(
    int? TotalRecommendations,
    int? HighPriorityCount,
    int? CompletedCount,
    double? CompletionRate,
    double? SuccessRate,
    RecommendationProgress ProgressTracking);
