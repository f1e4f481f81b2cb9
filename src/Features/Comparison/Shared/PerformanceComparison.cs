namespace Analytics.Api.Features.Comparison.Shared;

/// <summary>One metric against the peers (ratios, 3 dp): `ranking` = 1 + peers above, `percentile` int.</summary>
public sealed record PerformanceComparison(
    string Metric, double? UserValue, double? PeerAverage, double? PeerMedian, int? Ranking, int? Percentile);
