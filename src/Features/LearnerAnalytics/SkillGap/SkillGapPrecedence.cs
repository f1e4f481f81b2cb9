namespace Analytics.Api.Features.LearnerAnalytics.SkillGap;

/// <summary>The prerequisite proxy: <see cref="SkillId"/> is taught before <see cref="PrecedesSkillId"/> in some course.</summary>
public sealed record SkillGapPrecedence(string SkillId, string PrecedesSkillId);
