namespace Analytics.Api.Features.OrganisationAnalytics.LearningVelocity;

/// <summary>
/// The employee figures of all employees (<see cref="IsTotal"/>) or of one department, as the statement returns them: only groups
/// of at least k employees, each row carrying how many departments were left out for being smaller.
/// </summary>
public sealed record LearningVelocityGroup(
    bool IsTotal,
    string? DepartmentId,
    string? DepartmentName,
    int Employees,
    int ActiveNow,
    int ActiveThen,
    int SkillsAcquired,
    int Certifications,
    int CompletedEnrolments,
    int FinishedEnrolments,
    int FinishedPeople,
    int VelocityPeople,
    double? VelocityMean,
    int VelocityHigh,
    int VelocityMedium,
    int VelocityLow,
    int SuppressedSegments);
