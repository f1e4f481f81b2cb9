namespace Analytics.Api.Features.LearnerAnalytics.Shared;

/// <summary>One `skillCategories[]` entry: mastery = share of its skills mastered, progress = mean skill mastery (ratios).</summary>
public sealed record MasterySkillCategory(string Id, string Name, double Mastery, double Progress, IReadOnlyList<MasterySkill> Skills);
