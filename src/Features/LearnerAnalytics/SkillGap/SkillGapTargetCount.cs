namespace Analytics.Api.Features.LearnerAnalytics.SkillGap;

/// <summary>t of the career proxy: the number of distinct (organisation, department) targets of a skill on the platform.</summary>
public sealed record SkillGapTargetCount(string SkillId, int Targets);
