namespace Analytics.Api.Features.LearnerAnalytics.Shared;

/// <summary>`topicStatus`: the learning-path topics completed, with activity only, and untouched (null without data).</summary>
public sealed record MasteryTopicStatus(int? Mastered, int? InProgress, int? NotStarted);
