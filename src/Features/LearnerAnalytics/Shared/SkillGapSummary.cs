namespace Analytics.Api.Features.LearnerAnalytics.Shared;

/// <summary>`summary` of the skill-gap matrix: achieved = rows with gap 0; averageGap 2 dp (null without rows).</summary>
public sealed record SkillGapSummary(int TotalTargetSkills, int Achieved, int CriticalGaps, double? AverageGap);
