namespace Analytics.Api.Features.Predictive.Forecast;

/// <summary>The catalog's scenario inputs (API.md §4.4): planned weekly study hours and break weeks; null = not given.</summary>
public sealed record ForecastScenario(double? WeeklyStudyHours, int? BreakWeeks)
{
    public static ForecastScenario None { get; } = new(null, null);
}
