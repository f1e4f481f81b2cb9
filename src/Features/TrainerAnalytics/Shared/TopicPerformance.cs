namespace Analytics.Api.Features.TrainerAnalytics.Shared;

/// <summary>A topic's assessment results; `studentFeedback` is always null (feedback is per course).</summary>
public sealed record TopicPerformance(string Topic, double AverageScore, double PassRate, double AverageAttempts, string? StudentFeedback);
