namespace Analytics.Api.Features.LearnerAnalytics.Mastery;

/// <summary>A candidate skill with the learner's user_skills row (Level null when there is none).</summary>
public sealed record MasterySkillFact(string SkillId, string Name, string? Category, int? Level, bool Acquired, DateOnly? AcquiredOn);
