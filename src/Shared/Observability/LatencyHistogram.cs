using System.Numerics;

namespace Analytics.Api.Shared.Observability;

/// <summary>
/// Log-linear bins over microseconds (four bins per power of two, so a bin is at most 25 % wide; exact below 4 µs), the
/// bin layout of HdrHistogram with two sub-bucket bits. 100 bins reach past 60 s; slower requests share the last bin.
/// </summary>
public static class LatencyHistogram
{
    public const int BinCount = 100;

    public static int BinOf(TimeSpan elapsed)
    {
        var micros = Math.Max(0L, elapsed.Ticks / TimeSpan.TicksPerMicrosecond);
        if (micros < 4)
        {
            return (int)micros;
        }

        var exponent = BitOperations.Log2((ulong)micros);
        var sub = (int)(micros >> (exponent - 2)) & 3;
        return Math.Min(BinCount - 1, (4 * (exponent - 1)) + sub);
    }

    /// <summary>Lower bound and width of a bin, in microseconds.</summary>
    public static (double Lower, double Width) BoundsOf(int bin)
    {
        if (bin < 4)
        {
            return (bin, 1);
        }

        var exponent = (bin / 4) + 1;
        var sub = bin % 4;
        return ((4 + sub) * Math.Pow(2, exponent - 2), Math.Pow(2, exponent - 2));
    }

    /// <summary>The quantile q (0–1) in milliseconds, interpolated linearly inside its bin; null when there are no samples.</summary>
    public static double? QuantileMilliseconds(ReadOnlySpan<long> bins, double q)
    {
        long total = 0;
        foreach (var count in bins)
        {
            total += count;
        }

        if (total == 0)
        {
            return null;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(q * total));
        long below = 0;
        for (var bin = 0; bin < bins.Length; bin++)
        {
            if (below + bins[bin] >= rank)
            {
                var (lower, width) = BoundsOf(bin);
                return (lower + (width * (rank - below) / bins[bin])) / 1000.0;
            }

            below += bins[bin];
        }

        return BoundsOf(bins.Length - 1).Lower / 1000.0;
    }
}
