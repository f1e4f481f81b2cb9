namespace Analytics.Api.Features.LearnerAnalytics.ContentEffectiveness;

/// <summary>The learner's activity on one item on one day (activity_days).</summary>
public sealed record ContentActivity(string ContentItemId, DateOnly Day, int Events, int? Minutes);
