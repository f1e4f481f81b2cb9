namespace Analytics.Api.Features.LearnerAnalytics.Mastery;

/// <summary>A skill taught by a topic of a learning path (topic_skills).</summary>
public sealed record MasteryPathSkill(string PathId, string SkillId);
