namespace Analytics.Api.Features.OrganisationAnalytics.Shared;

/// <summary>One strategic goal of ANALYTICS.md §3.2: the skill targets sharing a value proposition (or one skill's targets).</summary>
public sealed record AlignmentGoal(
    string GoalId,
    string GoalName,
    double? AlignmentScore,
    double? Progress,
    double? SkillsCovered,
    IReadOnlyList<string> RequiredSkills,
    int? EmployeesOnTrack,
    int? TotalEmployeesNeeded,
    string? Status,
    IReadOnlyList<string> Recommendations);
