namespace Analytics.Api.Features.LearnerAnalytics.SkillGap;

/// <summary>A skill_targets row that applies to the learner, with the skill and the learner's level (null = no user_skills row).</summary>
public sealed record SkillGapTarget(
    string SkillId,
    string Name,
    string? Category,
    bool DepartmentSpecific,
    int RequiredLevel,
    string BusinessPriority,
    int? CurrentLevel);
