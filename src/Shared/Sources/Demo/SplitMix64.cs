namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood 2014): seeds <see cref="Xoshiro256StarStar"/> and derives the per-entity stream seeds
/// of SOURCES.md §2.2, so that every entity's numbers depend only on (seed, entity kind, index).
/// </summary>
public static class SplitMix64
{
    private const ulong GoldenGamma = 0x9E3779B97F4A7C15UL;

    /// <summary>Advances <paramref name="state"/> and returns the next output.</summary>
    public static ulong Next(ref ulong state)
    {
        state += GoldenGamma;
        return Mix(state);
    }

    /// <summary>The SplitMix64 output function (a bijective 64-bit finaliser).</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>hash64(seed, entityKind, index): the seed of one entity's stream.</summary>
    public static ulong Hash64(ulong seed, RandomStreamKind kind, long index)
    {
        var h = Mix(seed + GoldenGamma);
        h = Mix(h ^ ((ulong)kind * GoldenGamma));
        return Mix(h ^ ((ulong)index + GoldenGamma));
    }
}
