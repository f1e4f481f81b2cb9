namespace Analytics.Api.Features.Predictive.Forecast;

/// <summary>A progress unit of a course and the local day it was first completed (ANALYTICS.md §0.4).</summary>
public sealed record ForecastUnitRow(string CourseId, DateOnly FirstCompletedOn);
