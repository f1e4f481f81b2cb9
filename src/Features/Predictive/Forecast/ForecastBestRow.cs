namespace Analytics.Api.Features.Predictive.Forecast;

/// <summary>A scored assessment's weight (0 counts as 1) and best score: a term of the running course score (ANALYTICS.md §0.4).</summary>
public sealed record ForecastBestRow(string CourseId, double Weight, double Best);
