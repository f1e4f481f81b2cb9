namespace Analytics.Api.Features.OrganisationAnalytics.Shared;

/// <summary>One row of `departmentBreakdown[]` (ANALYTICS.md §3.1): a department with at least k employees.</summary>
public sealed record LearningVelocityDepartment(
    string DepartmentId,
    string DepartmentName,
    int TotalEmployees,
    double? ParticipationRate,
    double? CompletionRate,
    int SkillsAcquired,
    string Trend);
