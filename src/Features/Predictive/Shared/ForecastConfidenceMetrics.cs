namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>
/// `confidenceMetrics` (ANALYTICS.md §5.2), all pct: the model-based fields are null under the rule; overall = the mean of the
/// non-null ones.
/// </summary>
public sealed record ForecastConfidenceMetrics(
    double? OverallConfidence,
    double? ForecastAccuracy,
    double? DataQuality,
    double? ModelAccuracy,
    double? PredictionReliability);
