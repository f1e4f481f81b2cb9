namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>`qualityGate` of a drop-off model card (API.md §4.4).</summary>
public sealed record DropOffQualityGate(
    string Metric, IReadOnlyDictionary<string, double> Thresholds, bool Passed, string Status, IReadOnlyList<string> Reasons);
