namespace Analytics.Api.Features.TrainerAnalytics.Shared;

/// <summary>`metrics.completion`: the finished-based completion rate (pct) and its target (pct).</summary>
public sealed record CourseCompletion(double? Rate, double Target);
