namespace Analytics.Api.Features.OrganisationAnalytics.Shared;

/// <summary>`performanceMetrics` of ANALYTICS.md §3.4: only skillDevelopmentRate (ratio, 3 dp) is computed; the others are null.</summary>
public sealed record OrgPerformanceMetrics(
    double? LearningROI,
    double? SkillDevelopmentRate,
    double? EmployeeRetention,
    double? ProductivityImprovement,
    double? InnovationIndex);
