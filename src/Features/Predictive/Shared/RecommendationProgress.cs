namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>`summary.progressTracking`: completion rate (pct 1 dp) of the items issued in the last 7, 30 and 90 days.</summary>
public sealed record RecommendationProgress(double? ThisWeek, double? ThisMonth, double? Overall);
