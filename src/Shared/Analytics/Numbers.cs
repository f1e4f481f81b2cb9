namespace Analytics.Api.Shared.Analytics;

/// <summary>Rounding and statistics of ANALYTICS.md §0.2.</summary>
public static class Numbers
{
    /// <summary>Rounds half away from zero after removing binary noise at 9 dp, so 30.4999999… published as 30.5 → 31.</summary>
    public static double Round(double value, int decimals = 0) =>
        Math.Round(Math.Round(value, 9, MidpointRounding.AwayFromZero), decimals, MidpointRounding.AwayFromZero);

    public static int RoundToInt(double value) => (int)Round(value);

    /// <summary>The exact value used for threshold comparisons (9 dp).</summary>
    public static double Exact(double value) => Math.Round(value, 9, MidpointRounding.AwayFromZero);
}
