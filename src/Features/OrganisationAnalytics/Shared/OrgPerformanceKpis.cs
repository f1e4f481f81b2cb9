namespace Analytics.Api.Features.OrganisationAnalytics.Shared;

/// <summary>
/// `keyPerformanceIndicators` of ANALYTICS.md §3.4: averageTimeToCompetency in weeks (1 dp), learningCompletionRate and the proxy
/// skillGapReduction as ratios (3 dp); crossFunctionalMobility and leadershipPipeline are null.
/// </summary>
public sealed record OrgPerformanceKpis(
    double? AverageTimeToCompetency,
    double? LearningCompletionRate,
    double? SkillGapReduction,
    double? CrossFunctionalMobility,
    double? LeadershipPipeline);
