namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>
/// One `forecastProjections[]` row, k weeks ahead (ANALYTICS.md §5.2): ISO week label, pct scores and the 80 % bounds,
/// `probability` High|Medium|Low and `recommendation` Continue|Monitor|Improve.
/// </summary>
public sealed record ForecastProjection(
    string Period,
    double? HistoricalScore,
    double? ForecastedScore,
    double? ConfidenceLow,
    double? ConfidenceHigh,
    string? Probability,
    string? Recommendation);
