namespace Analytics.Api.Features.TrainerAnalytics.Shared;

/// <summary>`contentPerformance`: the worst and the best topics by their assessment results.</summary>
public sealed record ContentPerformance(IReadOnlyList<TopicPerformance> StrugglingTopics, IReadOnlyList<TopicPerformance> HighPerformanceTopics);
