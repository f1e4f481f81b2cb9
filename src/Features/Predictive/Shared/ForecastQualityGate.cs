namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>`qualityGate` of a model card (API.md §4.4): metric, thresholds, passed, status, reasons.</summary>
public sealed record ForecastQualityGate(
    string Metric, IReadOnlyDictionary<string, double> Thresholds, bool Passed, string Status, IReadOnlyList<string> Reasons);
