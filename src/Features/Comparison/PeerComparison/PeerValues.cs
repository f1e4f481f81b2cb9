using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.Comparison.PeerComparison;

/// <summary>
/// The sorted values of one metric over a group, built once per group, so that every member's comparison is a binary search
/// with that member's own value left out (a learner is not their own peer).
/// </summary>
public sealed class PeerValues
{
    private readonly double[] _sorted;
    private readonly double _sum;

    public PeerValues(IEnumerable<double> values)
    {
        _sorted = values.Select(Numbers.Exact).Order().ToArray();
        _sum = _sorted.Sum();
    }

    public int Count => _sorted.Length;

    /// <summary>The peers' figures against <paramref name="value"/>, without one occurrence of <paramref name="excluded"/>; null when no peer is left.</summary>
    public PeerStats? Against(double? value, double? excluded)
    {
        var skip = excluded is { } e ? LowerBound(Numbers.Exact(e)) : -1;
        if (skip >= _sorted.Length || (skip >= 0 && _sorted[skip] != Numbers.Exact(excluded!.Value)))
        {
            skip = -1;
        }

        var count = _sorted.Length - (skip >= 0 ? 1 : 0);
        if (count == 0)
        {
            return null;
        }

        var mean = (_sum - (skip >= 0 ? _sorted[skip] : 0)) / count;
        var median = count % 2 == 1 ? At(count / 2, skip) : (At((count / 2) - 1, skip) + At(count / 2, skip)) / 2;
        if (value is not { } raw)
        {
            return new PeerStats(count, mean, median, 0, 0);
        }

        var x = Numbers.Exact(raw);
        var below = LowerBound(x);
        var equal = UpperBound(x) - below;
        if (skip >= 0)
        {
            if (_sorted[skip] < x)
            {
                below--;
            }
            else if (_sorted[skip] == x)
            {
                equal--;
            }
        }

        return new PeerStats(count, mean, median, below, equal);
    }

    /// <summary>The i-th value of the group with position <paramref name="skip"/> removed.</summary>
    private double At(int index, int skip) => _sorted[skip >= 0 && index >= skip ? index + 1 : index];

    private int LowerBound(double x)
    {
        int lo = 0, hi = _sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_sorted[mid] < x)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private int UpperBound(double x)
    {
        int lo = 0, hi = _sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_sorted[mid] <= x)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
