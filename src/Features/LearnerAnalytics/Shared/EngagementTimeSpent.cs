namespace Analytics.Api.Features.LearnerAnalytics.Shared;

/// <summary>`timeSpent`: hours in the last 14 days (1 dp), hours per session or per active day (2 dp), and the week-on-week trend.</summary>
public sealed record EngagementTimeSpent(double? Total, double? Average, string? Trend);
