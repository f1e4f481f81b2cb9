namespace Analytics.Api.Features.LearnerAnalytics.Shared;

/// <summary>`contentEngagement`: per content group, the share of the active courses' items opened in the last 30 days.</summary>
public sealed record EngagementContent(double? Videos, double? Quizzes, double? Readings, double? Discussions);
