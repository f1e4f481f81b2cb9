namespace Analytics.Api.Features.OrganisationAnalytics.Shared;

/// <summary>The extra `velocity` block of `learning-velocity` (ANALYTICS.md §3.1): mean learner velocity and its bands.</summary>
public sealed record LearningVelocityBands(int? Average, int? High, int? Medium, int? Low);
