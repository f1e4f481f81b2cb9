namespace Analytics.Api.Features.LearnerAnalytics.Engagement;

/// <summary>A topic touched (activity on its items or a submission) in 14-day window <see cref="WindowIndex"/>, with its first completion day.</summary>
public sealed record EngagementTopicTouch(string TopicId, int WindowIndex, DateOnly? FirstCompletedOn);
