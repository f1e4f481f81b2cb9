namespace Analytics.Api.Features.LearnerAnalytics.Shared;

/// <summary>A row of `improvementAreas[]`: one per weakness, against the target score, with a priority from the current score.</summary>
public sealed record PerformanceImprovementArea(string Area, double CurrentScore, double TargetScore, string Priority);
