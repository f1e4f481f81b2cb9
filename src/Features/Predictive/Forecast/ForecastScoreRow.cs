namespace Analytics.Api.Features.Predictive.Forecast;

/// <summary>One point of a course's score series: a non-banked scored attempt (ANALYTICS.md §0.4), in time order.</summary>
public sealed record ForecastScoreRow(string CourseId, DateOnly SubmittedOn, double Score);
