using Analytics.Api.Features.TrainerAnalytics.Shared;
using Analytics.Api.Features.TrainerAnalytics.StudentDistribution;

namespace Analytics.Tests.Features.TrainerAnalytics.StudentDistribution;

/// <summary>ANALYTICS.md §2.3 and its worked example G6 (§8), plus the privacy and no-data edges.</summary>
public sealed class StudentDistributionCalculatorTests
{
    private static readonly DateOnly AsOf = new(2025, 3, 14);
    private static readonly TrainerCourse Course = new("c-1", "Course One", 12);
    private static readonly double[] G6Scores = [95, 91, 88, 80, 76, 74, 70, 65, 61, 59, 45, 30];

    [Test]
    public void Compute_G6_GivesTheWorkedExampleExactly()
    {
        var payload = StudentDistributionCalculator.Compute(AsOf, Course, G6Scores, 70, atRiskStudents: 3, minGroupSize: 10);

        Assert.Multiple(() =>
        {
            Assert.That(payload.TotalStudents, Is.EqualTo(12));
            Assert.That(
                new[] { payload.Distribution.Excellent.Count, payload.Distribution.Good.Count, payload.Distribution.Average.Count, payload.Distribution.Struggling.Count },
                Is.EqualTo(new int?[] { 2, 3, 4, 3 }));
            Assert.That(
                new[] { payload.Distribution.Excellent.Percentage, payload.Distribution.Good.Percentage, payload.Distribution.Average.Percentage, payload.Distribution.Struggling.Percentage },
                Is.EqualTo(new int?[] { 17, 25, 33, 25 }));
            Assert.That(payload.Distribution.Excellent.Range, Is.EqualTo("90-100%"));
            Assert.That(payload.Distribution.Struggling.Range, Is.EqualTo("<60%"));
            Assert.That(payload.Insights.AverageScore, Is.EqualTo(69.5));
            Assert.That(payload.Insights.MedianScore, Is.EqualTo(72));
            Assert.That(payload.Insights.PassRate, Is.EqualTo(58.3));
            Assert.That(payload.Insights.TopPerformers, Is.EqualTo(2));
            Assert.That(payload.Insights.AtRiskStudents, Is.EqualTo(3));
            Assert.That(payload.Quantiles, Is.EqualTo(new DistributionQuantiles(60.5, 72, 82, 90.7)));
            Assert.That(payload.Histogram, Is.EqualTo(new[] { 0, 0, 0, 1, 1, 1, 2, 3, 2, 2 }));
            Assert.That(payload.Suppressed, Is.Null);
            Assert.That(payload.DataStatus, Is.EqualTo("ok"));
            Assert.That(payload.DefinitionVersion, Is.EqualTo("student-distribution@1.0"));
        });
    }

    [Test]
    public void Compute_WithFewerThanKLearners_WithholdsEveryAggregateButKeepsTheShape()
    {
        var payload = StudentDistributionCalculator.Compute(AsOf, Course, G6Scores.Take(9).ToArray(), 70, atRiskStudents: 1, minGroupSize: 10);

        Assert.Multiple(() =>
        {
            Assert.That(payload.Suppressed, Is.True);
            Assert.That(payload.Message, Is.EqualTo("Insufficient data: fewer than 10 people in this group."));
            Assert.That(payload.TotalStudents, Is.Null);
            Assert.That(payload.Distribution.Good, Is.EqualTo(new DistributionBand(null, null, "75-89%")));
            Assert.That(payload.Insights, Is.EqualTo(new DistributionInsights(null, null, null, null, null)));
            Assert.That(payload.Histogram, Is.Empty);
            Assert.That(payload.Quantiles, Is.EqualTo(new DistributionQuantiles(null, null, null, null)));
            Assert.That(payload.CourseName, Is.EqualTo("Course One"));
        });
    }

    [Test]
    public void Compute_WithoutScoredLearners_ReturnsTheNoDataShape()
    {
        var payload = StudentDistributionCalculator.Compute(AsOf, Course, [], 70, atRiskStudents: 0, minGroupSize: 10);

        Assert.Multiple(() =>
        {
            Assert.That(payload.DataStatus, Is.EqualTo("no-data"));
            Assert.That(payload.Suppressed, Is.Null);
            Assert.That(payload.TotalStudents, Is.Null);
            Assert.That(payload.Histogram, Is.Empty);
        });
    }

    [Test]
    public void Compute_WithKOneAndASingleLearner_PutsEverythingInOneBand()
    {
        var payload = StudentDistributionCalculator.Compute(AsOf, Course, [100], 70, atRiskStudents: 0, minGroupSize: 1);

        Assert.Multiple(() =>
        {
            Assert.That(payload.Distribution.Excellent.Percentage, Is.EqualTo(100));
            Assert.That(payload.Quantiles, Is.EqualTo(new DistributionQuantiles(100, 100, 100, 100)));
            Assert.That(payload.Histogram[9], Is.EqualTo(1), "a score of 100 falls in the last bucket");
        });
    }

    [TestCase(new[] { 1, 1, 1 }, new[] { 34, 33, 33 })]
    [TestCase(new[] { 1, 1, 1, 0 }, new[] { 34, 33, 33, 0 })]
    [TestCase(new[] { 0, 1, 1, 1 }, new[] { 0, 34, 33, 33 })]
    [TestCase(new[] { 2, 3, 4, 3 }, new[] { 17, 25, 33, 25 })]
    [TestCase(new[] { 1, 2, 3, 1 }, new[] { 14, 29, 43, 14 })]
    public void LargestRemainder_SumsTo100AndBreaksTiesInBandOrder(int[] counts, int[] expected)
    {
        var percentages = StudentDistributionCalculator.LargestRemainder(counts);

        Assert.That(percentages, Is.EqualTo(expected));
        Assert.That(percentages.Sum(), Is.EqualTo(100));
    }

    [TestCase(89.9999999999, "excellent")]
    [TestCase(89.99, "good")]
    [TestCase(75, "good")]
    [TestCase(60, "average")]
    [TestCase(59.99, "struggling")]
    public void BandOf_UsesTheUnroundedScoreAndItsBoundaries(double score, string band)
    {
        Assert.That(StudentDistributionCalculator.BandOf(Analytics.Api.Shared.Analytics.Numbers.Exact(score)), Is.EqualTo(band));
    }
}
