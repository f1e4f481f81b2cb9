using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.Comparison.PeerComparison;

/// <summary>
/// A value against its peers (ANALYTICS.md §0.2): how many peers, their mean and median, how many are below and equal to the
/// value. Percentile rank = round(100·(below + 0.5·equal)/n); rank = 1 + peers above, so tied values share a rank.
/// </summary>
public sealed record PeerStats(int Count, double Mean, double Median, int Below, int Equal)
{
    public int Above => Count - Below - Equal;

    public int Rank => 1 + Above;

    public int Percentile => Numbers.RoundToInt(100.0 * (Below + (0.5 * Equal)) / Count);
}
