namespace Analytics.Api.Features.Predictive.Forecast;

/// <summary>A course of the cohort with at least k scored learners: mean predicted score (pct) and completion probability (0–1).</summary>
public sealed record ForecastCohortCourse(string CourseId, string? CourseTitle, double? PredictedScore, double? CompletionProbability);
