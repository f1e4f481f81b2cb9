namespace Analytics.Api.Features.LearnerAnalytics.Shared;

/// <summary>One skill of a category: mastery 1 when mastered, else level/4; trend `increasing` or `stable`.</summary>
public sealed record MasterySkill(string Id, string Name, double Mastery, string Trend);
