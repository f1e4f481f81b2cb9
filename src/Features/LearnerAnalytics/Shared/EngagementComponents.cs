namespace Analytics.Api.Features.LearnerAnalytics.Shared;

/// <summary>`components`: L, S and V of ANALYTICS.md §1.3 (pct, 1 dp); S is null when durations are unavailable.</summary>
public sealed record EngagementComponents(double? LoginFrequency, double? SessionDuration, double? Activity);
