namespace Analytics.Api.Features.OrganisationAnalytics.StrategicAlignment;

/// <summary>
/// One (goal, skill) row of StrategicAlignment.sql with its goal's figures, the skill's figures across goals and the scope totals
/// (the same on every row). Figures of groups below k arrive null with their suppressed flag set. A scope without targets has one
/// row whose goal and skill columns are null.
/// </summary>
public sealed record AlignmentRow(
    string? GoalKey,
    string? GoalSkillId,
    string? GoalText,
    string? SkillId,
    string? SkillName,
    bool? GoalSuppressed,
    int? GoalPopulation,
    int? GoalOnTrack,
    int? RequiredLevel,
    int? Pairs,
    int? Met,
    double? Progress,
    bool? HasCourse,
    bool? SkillSuppressed,
    int? SkillPopulation,
    int? SkillShort,
    string? SkillPriority,
    int? SkillRequiredLevel,
    int? TotalPairs,
    int? TotalMet,
    int? CriticalGaps,
    int? MediumGaps,
    int? LowGaps,
    int? AssignedEmployees,
    int? CompliantEmployees);
