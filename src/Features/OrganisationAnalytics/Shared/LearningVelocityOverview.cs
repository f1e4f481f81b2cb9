namespace Analytics.Api.Features.OrganisationAnalytics.Shared;

/// <summary>`overview` of `learning-velocity` (ANALYTICS.md §3.1); `participationRate` is a pct with 1 dp.</summary>
public sealed record LearningVelocityOverview(
    int? TotalEmployees,
    double? ParticipationRate,
    int? SkillsAcquiredThisQuarter,
    int? ActivelyLearning,
    int? CertificationsEarned);
