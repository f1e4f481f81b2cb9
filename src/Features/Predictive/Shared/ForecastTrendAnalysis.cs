namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>
/// `trendAnalysis` (ANALYTICS.md §5.2): overallTrend pct points, velocity and acceleration points per week, volatility pct
/// points (population SD), stability ratio, seasonality (not available), peakPeriod ISO week.
/// </summary>
public sealed record ForecastTrendAnalysis(
    double? OverallTrend,
    double? Velocity,
    double? Acceleration,
    double? Volatility,
    double? Stability,
    string? Seasonality,
    string? PeakPeriod);
