namespace Analytics.Api.Features.LearnerAnalytics.Shared;

/// <summary>`interactionRate` and `completionRate`: the ratio of the last 14 days, its mean over the 6 windows before, and the trend.</summary>
public sealed record EngagementRate(double? Current, double? Average, string? Trend);
