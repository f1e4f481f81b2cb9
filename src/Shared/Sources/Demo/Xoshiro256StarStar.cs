namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>
/// xoshiro256** 1.0 (Blackman and Vigna 2018), seeded through SplitMix64, with the few distributions the demo model needs.
/// Implemented here because System.Random's sequence is not guaranteed across runtimes (SOURCES.md §2.2).
/// A mutable struct: pass it by <c>ref</c>.
/// </summary>
public struct Xoshiro256StarStar
{
    private const double TwoPowMinus53 = 1.0 / (1UL << 53);
    // Below this mean Knuth's multiplication method is exact and cheap; above it a normal approximation is close enough.
    private const double PoissonExactLimit = 30.0;

    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public Xoshiro256StarStar(ulong seed)
    {
        var state = seed;
        _s0 = SplitMix64.Next(ref state);
        _s1 = SplitMix64.Next(ref state);
        _s2 = SplitMix64.Next(ref state);
        _s3 = SplitMix64.Next(ref state);
    }

    /// <summary>The stream of one entity: hash64(seed, kind, index).</summary>
    public static Xoshiro256StarStar For(ulong seed, RandomStreamKind kind, long index) => new(SplitMix64.Hash64(seed, kind, index));

    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * TwoPowMinus53;

    /// <summary>Uniform integer in [0, maxExclusive) (Lemire's multiply-shift on 32 bits; the bias is below 2^-32·n).</summary>
    public int NextInt(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        return (int)(((NextUInt64() >> 32) * (ulong)maxExclusive) >> 32);
    }

    /// <summary>Uniform integer in [minInclusive, maxInclusive].</summary>
    public int NextInt(int minInclusive, int maxInclusive) => minInclusive + NextInt(maxInclusive - minInclusive + 1);

    public double Uniform(double min, double max) => min + ((max - min) * NextDouble());

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>Standard normal by Box–Muller (one value per call keeps the stream position simple).</summary>
    public double Normal()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public double Normal(double mean, double sd) => mean + (sd * Normal());

    /// <summary>Log-normal given its median and the σ of the underlying normal.</summary>
    public double LogNormal(double median, double sigma) => median * Math.Exp(sigma * Normal());

    /// <summary>Gamma(shape, scale) by Marsaglia and Tsang (2000), boosted for shape &lt; 1.</summary>
    public double Gamma(double shape, double scale)
    {
        if (shape < 1.0)
        {
            var boost = Math.Pow(NextDouble(), 1.0 / shape);
            return Gamma(shape + 1.0, scale) * boost;
        }

        var d = shape - (1.0 / 3.0);
        var c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal();
                v = 1.0 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            var u = NextDouble();
            if (u < 1.0 - (0.0331 * x * x * x * x) || Math.Log(u) < (0.5 * x * x) + (d * (1.0 - v + Math.Log(v))))
            {
                return d * v * scale;
            }
        }
    }

    public double Beta(double alpha, double beta)
    {
        var x = Gamma(alpha, 1.0);
        var y = Gamma(beta, 1.0);
        return x / (x + y);
    }

    public int Poisson(double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        if (mean >= PoissonExactLimit)
        {
            return Math.Max(0, (int)Math.Round(Normal(mean, Math.Sqrt(mean))));
        }

        var limit = Math.Exp(-mean);
        var k = 0;
        var product = NextDouble();
        while (product > limit)
        {
            k++;
            product *= NextDouble();
        }

        return k;
    }

    /// <summary>Negative binomial with the given mean and dispersion k (a gamma–Poisson mixture).</summary>
    public int NegativeBinomial(double mean, double dispersion) => Poisson(Gamma(dispersion, mean / dispersion));

    /// <summary>Index drawn with probability proportional to <paramref name="weights"/>.</summary>
    public int Pick(ReadOnlySpan<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }

        var target = NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            target -= weights[i];
            if (target < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }
}
