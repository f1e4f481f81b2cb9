namespace Analytics.Api.Features.OrganisationAnalytics.Shared;

/// <summary>`metrics.continuousImprovement` (ANALYTICS.md §3.3).</summary>
public sealed record CultureContinuousImprovement(double? Score, int? FeedbackLoops, string? CourseCompletionTrend, double? SkillApplicationRate);
