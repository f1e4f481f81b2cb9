namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>An `enrolments[]` row (ANALYTICS.md §5.2): predictedScore pct, completionProbability pct (0–1 × 100).</summary>
public sealed record ForecastEnrolment(string CourseId, string? CourseTitle, double? PredictedScore, double? CompletionProbability);
