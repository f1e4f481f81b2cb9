namespace Analytics.Api.Features.LearnerAnalytics.Shared;

/// <summary>One 7-day block of `performanceHistory`: its last day and the mean score (ratio) of the attempts in it.</summary>
public sealed record PerformancePoint(DateOnly Date, double Score);
