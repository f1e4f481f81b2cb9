namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>
/// `currentPerformance` (ANALYTICS.md §5.2): the running course score of the primary enrolment (pct), and the course's pass
/// threshold (pct, extra) that the projections' recommendations are judged against.
/// </summary>
public sealed record ForecastCurrentPerformance(double? OverallScore, double? PassThreshold);
