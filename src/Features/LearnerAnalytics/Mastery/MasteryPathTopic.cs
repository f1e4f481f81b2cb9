namespace Analytics.Api.Features.LearnerAnalytics.Mastery;

/// <summary>A topic of a learning path with the learner's first completion and first activity on it (local days).</summary>
public sealed record MasteryPathTopic(string PathId, string TopicId, DateOnly? CompletedOn, DateOnly? FirstActivityOn);
