using Analytics.Api.Features.TrainerAnalytics.Shared;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.TrainerAnalytics.StudentDistribution;

/// <summary>
/// Student distribution, `student-distribution@1.0` (ANALYTICS.md §2.3): the course scores of the learners with a scored
/// submission in four bands (integer percentages by the largest-remainder method), a 10-bucket histogram, quantiles, and
/// insights. Fewer than k learners gives the suppressed response (§0.5).
/// </summary>
public static class StudentDistributionCalculator
{
    public const string DefinitionVersion = "student-distribution@1.0";

    public const double DefaultPassThreshold = 70;

    private static readonly (string Name, double From, string Range)[] Bands =
    [
        ("excellent", 90, "90-100%"),
        ("good", 75, "75-89%"),
        ("average", 60, "60-74%"),
        ("struggling", double.NegativeInfinity, "<60%"),
    ];

    /// <param name="scores">The population's unrounded course scores.</param>
    /// <param name="passThreshold">The exam's pass threshold, else 70.</param>
    /// <param name="atRiskStudents">Active learners of the population at drop-off level High or Critical.</param>
    public static StudentDistributionPayload Compute(
        DateOnly asOf, TrainerCourse course, IReadOnlyList<double> scores, double passThreshold, int atRiskStudents, int minGroupSize)
    {
        if (scores.Count == 0)
        {
            return Empty(asOf, course);
        }

        if (scores.Count < minGroupSize)
        {
            return Suppressed(asOf, course, minGroupSize);
        }

        var exact = scores.Select(Numbers.Exact).ToArray();
        var counts = Bands.Select(b => exact.Count(s => BandOf(s) == b.Name)).ToArray();
        var percentages = LargestRemainder(counts);
        var histogram = new int[10];
        foreach (var score in exact)
        {
            histogram[Math.Min(9, (int)Math.Floor(score / 10))]++;
        }

        return new StudentDistributionPayload
        {
            DefinitionVersion = DefinitionVersion,
            AsOf = asOf,
            CourseId = course.Id,
            CourseName = course.Title,
            TotalStudents = scores.Count,
            Distribution = new DistributionBands(
                new DistributionBand(counts[0], percentages[0], Bands[0].Range),
                new DistributionBand(counts[1], percentages[1], Bands[1].Range),
                new DistributionBand(counts[2], percentages[2], Bands[2].Range),
                new DistributionBand(counts[3], percentages[3], Bands[3].Range)),
            Insights = new DistributionInsights(
                Numbers.Round(exact.Average(), 1),
                Numbers.Round(Quantile(exact, 0.5), 1),
                Numbers.Round(100.0 * exact.Count(s => s >= passThreshold) / exact.Length, 1),
                atRiskStudents,
                counts[0]),
            Histogram = histogram,
            Quantiles = new DistributionQuantiles(
                Numbers.Round(Quantile(exact, 0.25), 1),
                Numbers.Round(Quantile(exact, 0.50), 1),
                Numbers.Round(Quantile(exact, 0.75), 1),
                Numbers.Round(Quantile(exact, 0.90), 1)),
        };
    }

    /// <summary>The shape with every aggregate null and every list empty: no course, or no learner with a score.</summary>
    public static StudentDistributionPayload Empty(DateOnly asOf, TrainerCourse? course) => new()
    {
        DefinitionVersion = DefinitionVersion,
        AsOf = asOf,
        DataStatus = DataStatuses.NoData,
        CourseId = course?.Id,
        CourseName = course?.Title,
        Distribution = new DistributionBands(
            new DistributionBand(null, null, Bands[0].Range),
            new DistributionBand(null, null, Bands[1].Range),
            new DistributionBand(null, null, Bands[2].Range),
            new DistributionBand(null, null, Bands[3].Range)),
        Insights = new DistributionInsights(null, null, null, null, null),
        Histogram = [],
        Quantiles = new DistributionQuantiles(null, null, null, null),
    };

    public static StudentDistributionPayload Suppressed(DateOnly asOf, TrainerCourse course, int minGroupSize) =>
        Empty(asOf, course) with
        {
            DataStatus = DataStatuses.Ok,
            Suppressed = true,
            Message = SuppressionInfo.MessageFor(minGroupSize),
        };

    /// <summary>Bands on the unrounded course score: excellent ≥ 90, good ≥ 75, average ≥ 60, struggling below.</summary>
    public static string BandOf(double score) => Bands.First(b => score >= b.From).Name;

    /// <summary>
    /// Integer percentages that sum to 100: floors first, then one point each to the largest remainders, ties in band order.
    /// Remainders are compared as integers ((100·count) mod n), so no floating-point noise decides a tie.
    /// </summary>
    public static int[] LargestRemainder(IReadOnlyList<int> counts)
    {
        var total = counts.Sum();
        if (total == 0)
        {
            return counts.Select(_ => 0).ToArray();
        }

        var floors = counts.Select(c => 100 * c / total).ToArray();
        var order = Enumerable.Range(0, counts.Count).OrderByDescending(i => 100 * counts[i] % total).ThenBy(i => i).ToArray();
        var left = 100 - floors.Sum();
        for (var given = 0; given < left; given++)
        {
            floors[order[given]]++;
        }

        return floors;
    }

    /// <summary>q_p by linear interpolation at h = (n−1)·p over the sorted values (ANALYTICS.md §0.2).</summary>
    public static double Quantile(IReadOnlyList<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        var h = (sorted.Length - 1) * p;
        var low = (int)Math.Floor(h);
        return low + 1 < sorted.Length ? sorted[low] + ((h - low) * (sorted[low + 1] - sorted[low])) : sorted[low];
    }
}
