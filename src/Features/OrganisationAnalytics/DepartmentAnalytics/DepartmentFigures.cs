namespace Analytics.Api.Features.OrganisationAnalytics.DepartmentAnalytics;

/// <summary>
/// One department's member figures as the statement returns them (only departments with at least k members); each aggregate
/// comes with the number of people behind it (<c>…People</c>) so a figure over fewer than k can be withheld.
/// </summary>
public sealed record DepartmentFigures(
    string DepartmentId,
    string DepartmentName,
    int Members,
    int Active,
    int FinishedPeople,
    int Completed,
    int Finished,
    int TimedPeople,
    double CompletionDays,
    int TimedCompletions,
    int ScoredPeople,
    double ScoreSum,
    int ScoredCourses,
    int Assessed,
    int Passed,
    int SkillsNow,
    int SkillsThen,
    int Developing,
    int CoveragePeople,
    int Pairs,
    int Met,
    int EngagementPeople,
    double? EngagementNow,
    int EngagementThenPeople,
    double? EngagementThen,
    int VelocityPeople,
    double? VelocityNow,
    int VelocityThenPeople,
    double? VelocityThen);
