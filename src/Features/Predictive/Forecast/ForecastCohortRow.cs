namespace Analytics.Api.Features.Predictive.Forecast;

/// <summary>
/// The cohort's figures as Forecast.Cohort reads them (a class: Dapper maps its many columns by name): head counts, the means of
/// the members' forecasts (null below k), Σ completion probabilities (0–1), and the per-course rows at or above k as JSON.
/// </summary>
public sealed class ForecastCohortRow
{
    public int Scored { get; init; }

    public int OptedOut { get; init; }

    public int SuppressedCourses { get; init; }

    public string? CoursesJson { get; init; }

    public double? OverallScore { get; init; }

    public double? PassThreshold { get; init; }

    public double? PredictedScore { get; init; }

    public double? CompletionProbability { get; init; }

    public double? ExpectedCompletions { get; init; }

    public double? WeeksToComplete { get; init; }

    public double? OverallTrend { get; init; }

    public double? Velocity { get; init; }

    public double? Acceleration { get; init; }

    public double? Volatility { get; init; }

    public double? Stability { get; init; }

    public double? DataQuality { get; init; }

    public double? HistoricalScore { get; init; }

    public double? Forecasted1 { get; init; }

    public double? Forecasted2 { get; init; }

    public double? Forecasted3 { get; init; }

    public double? Forecasted4 { get; init; }

    public double? Low1 { get; init; }

    public double? Low2 { get; init; }

    public double? Low3 { get; init; }

    public double? Low4 { get; init; }

    public double? High1 { get; init; }

    public double? High2 { get; init; }

    public double? High3 { get; init; }

    public double? High4 { get; init; }
}
