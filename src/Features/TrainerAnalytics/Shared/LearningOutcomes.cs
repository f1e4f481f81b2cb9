namespace Analytics.Api.Features.TrainerAnalytics.Shared;

/// <summary>`metrics.learningOutcomes`: score gain (points), skill acquisition (pct) and completion (pct).</summary>
public sealed record LearningOutcomes(double? AverageScoreImprovement, double? SkillAcquisitionRate, double? CompletionRate);
