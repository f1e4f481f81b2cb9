namespace Analytics.Api.Features.OrganisationAnalytics.Shared;

/// <summary>A `departmentPerformance[]` row (departments with ≥ k employees): performance ratio 2 dp, skillDevelopmentRate 3 dp.</summary>
public sealed record OrgDepartmentPerformance(
    string DepartmentId,
    string DepartmentName,
    double? Performance,
    double? LearningROI,
    double? SkillDevelopmentRate,
    double? RetentionRate);
