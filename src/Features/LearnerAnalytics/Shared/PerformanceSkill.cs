namespace Analytics.Api.Features.LearnerAnalytics.Shared;

/// <summary>A row of `strengths[]` or `weaknesses[]`: the skill, its mean best score (ratio) and the trend of its scores.</summary>
public sealed record PerformanceSkill(string Skill, double Score, string Trend);
