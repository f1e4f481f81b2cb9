using Analytics.Api.Features.OrganisationAnalytics.LearningVelocity;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Tests.Features.OrganisationAnalytics.LearningVelocity;

/// <summary>`learning-velocity@1.0` (ANALYTICS.md §3.1) on hand-made statement rows, asOf = 2025-03-14 (Q1 2025).</summary>
public sealed class LearningVelocityCalculatorTests
{
    private static readonly DateOnly AsOf = new(2025, 3, 14);

    private static LearningVelocityGroup Total(int employees = 30, int activeNow = 26, int velocityPeople = 30, double? velocityMean = 49, int suppressedSegments = 2) =>
        new(true, null, null, employees, activeNow, 14, 15, 8, 10, 10, 10, velocityPeople, velocityMean, 10, 9, 11, suppressedSegments);

    private static LearningVelocityGroup Department(string id, int employees, int activeNow, int activeThen, int completed = 0, int finished = 0, int finishedPeople = 0) =>
        new(false, id, id + " name", employees, activeNow, activeThen, 4, 0, completed, finished, finishedPeople, 0, null, 0, 0, 0, 2);

    private static LearningVelocityInput Input(IReadOnlyList<LearningVelocityGroup> groups, UnitCompletions? units = null, TimeToSkill? time = null) =>
        new(AsOf, 10, groups, units ?? UnitCompletions.None, time ?? new TimeToSkill(15, 45));

    [Test]
    public void Compute_WithAnOrganisationAboveK_PublishesOverviewRatesAndBands()
    {
        var (payload, suppression) = LearningVelocityCalculator.Compute(Input([Total(), Department("d10", 10, 6, 3, 10, 10, 10)]));

        Assert.Multiple(() =>
        {
            Assert.That(payload.Period, Is.EqualTo("Q1 2025"));
            Assert.That(payload.Overview.TotalEmployees, Is.EqualTo(30));
            Assert.That(payload.Overview.ParticipationRate, Is.EqualTo(86.7), "26/30 = 86.67 → 1 dp");
            Assert.That(payload.Overview.ActivelyLearning, Is.EqualTo(26));
            Assert.That(payload.Overview.SkillsAcquiredThisQuarter, Is.EqualTo(15));
            Assert.That(payload.Overview.CertificationsEarned, Is.EqualTo(8));
            Assert.That(payload.RoiMetrics.AverageTimeToSkill, Is.EqualTo("6.4 weeks"), "45 days / 7 = 6.43");
            Assert.That(payload.RoiMetrics.Roi, Is.Null);
            Assert.That(payload.RoiMetrics.CalculationMethod, Is.EqualTo("not available: the store holds no cost or revenue data"));
            Assert.That(payload.NotAvailable, Is.EquivalentTo(new[]
            {
                "roiMetrics.roi", "roiMetrics.costPerSkillAcquired", "roiMetrics.trainingInvestment", "roiMetrics.productivityGains",
            }));
            Assert.That(payload.Velocity, Is.EqualTo(new Analytics.Api.Features.OrganisationAnalytics.Shared.LearningVelocityBands(49, 10, 9, 11)));
            Assert.That(payload.DepartmentBreakdown.Single().ParticipationRate, Is.EqualTo(60.0));
            Assert.That(payload.DepartmentBreakdown.Single().CompletionRate, Is.EqualTo(100.0));
            Assert.That(payload.DepartmentBreakdown.Single().Trend, Is.EqualTo("+100% increase"));
            Assert.That(payload.Suppressed, Is.Null);
            Assert.That(payload.SuppressedFields, Is.Null);
            Assert.That(suppression?.Reason, Is.EqualTo("SEGMENTS_TOO_SMALL"));
            Assert.That(suppression?.SuppressedSegments, Is.EqualTo(2));
        });
    }

    [Test]
    public void Compute_WithFewerThanKEmployees_ReturnsTheSuppressedShape()
    {
        var (payload, suppression) = LearningVelocityCalculator.Compute(Input([Total(employees: 9, activeNow: 5)]));

        Assert.Multiple(() =>
        {
            Assert.That(payload.Suppressed, Is.True);
            Assert.That(payload.Message, Is.EqualTo("Insufficient data: fewer than 10 people in this group."));
            Assert.That(payload.Overview.TotalEmployees, Is.Null);
            Assert.That(payload.Overview.ParticipationRate, Is.Null);
            Assert.That(payload.DepartmentBreakdown, Is.Empty);
            Assert.That(payload.Trends.QuarterOverQuarter, Is.Null);
            Assert.That(payload.Velocity.Average, Is.Null);
            Assert.That(payload.RoiMetrics.AverageTimeToSkill, Is.Null);
            Assert.That(payload.Period, Is.EqualTo("Q1 2025"));
            Assert.That(suppression?.Reason, Is.EqualTo("GROUP_TOO_SMALL"));
            Assert.That(suppression?.MinGroupSize, Is.EqualTo(10));
            Assert.That(suppression?.SuppressedSegments, Is.EqualTo(0));
        });
    }

    [Test]
    public void Compute_WithoutAnyRow_ReturnsTheSuppressedShape()
    {
        var (payload, suppression) = LearningVelocityCalculator.Compute(Input([]));

        Assert.That(payload.Suppressed, Is.True);
        Assert.That(suppression?.Reason, Is.EqualTo("GROUP_TOO_SMALL"));
    }

    [Test]
    public void Compute_WhenADepartmentBelowKReachesTheCalculator_LeavesItOutAndCountsIt()
    {
        // The statement never returns a department below k; this proves the second check holds if it ever did.
        var (payload, suppression) = LearningVelocityCalculator.Compute(
            Input([Total(suppressedSegments: 0), Department("d9", 9, 9, 9), Department("d10", 10, 6, 3)]));

        Assert.Multiple(() =>
        {
            Assert.That(payload.DepartmentBreakdown.Select(d => d.DepartmentId), Is.EqualTo(new[] { "d10" }));
            Assert.That(suppression?.SuppressedSegments, Is.EqualTo(1));
        });
    }

    [Test]
    public void Compute_WithCompletionRestingOnFewerThanKPeople_WithholdsTheField()
    {
        var (payload, _) = LearningVelocityCalculator.Compute(Input([Total(), Department("d10", 10, 6, 3, completed: 4, finished: 5, finishedPeople: 5)]));

        Assert.Multiple(() =>
        {
            Assert.That(payload.DepartmentBreakdown.Single().CompletionRate, Is.Null);
            Assert.That(payload.SuppressedFields, Is.EqualTo(new[] { "departmentBreakdown[0].completionRate" }));
        });
    }

    [Test]
    public void Compute_WithVelocityOfFewerThanKEmployees_WithholdsTheBands()
    {
        var (payload, _) = LearningVelocityCalculator.Compute(Input([Total(velocityPeople: 9, velocityMean: 80)]));

        Assert.Multiple(() =>
        {
            Assert.That(payload.Velocity.Average, Is.Null);
            Assert.That(payload.Velocity.High, Is.Null);
            Assert.That(payload.SuppressedFields, Is.EquivalentTo(new[] { "velocity.average", "velocity.high", "velocity.medium", "velocity.low" }));
        });
    }

    [Test]
    public void Compute_WithTimeToSkillOfFewerThanKPeople_ReturnsNull()
    {
        var (payload, _) = LearningVelocityCalculator.Compute(Input([Total()], time: new TimeToSkill(9, 28)));

        Assert.That(payload.RoiMetrics.AverageTimeToSkill, Is.Null);
    }

    [Test]
    public void Compute_TrendsCompareTheQuarterToDateWithThePreviousQuarterAndLastYearAndNameThePeakMonth()
    {
        // months from April 2024 (MemberFactWindows.MonthsFrom) to March 2025; December 2024 and February 2025 tie below 9
        int[] months = [0, 1, 0, 0, 0, 0, 3, 0, 9, 0, 2, 4];
        var units = new UnitCompletions { Quarter = 6, PreviousQuarter = 3, LastYearQuarter = 4, Months = months };

        var (payload, _) = LearningVelocityCalculator.Compute(Input([Total()], units));

        Assert.Multiple(() =>
        {
            Assert.That(payload.Trends.QuarterOverQuarter, Is.EqualTo("+100% increase"), "6 vs 3");
            Assert.That(payload.Trends.YearOverYear, Is.EqualTo("+50% increase"), "6 vs 4");
            Assert.That(payload.Trends.PeakLearningMonth, Is.EqualTo("December 2024"), "9 completions in the ninth month");
        });
    }

    [Test]
    public void Compute_WithTiedPeakMonths_NamesTheLater()
    {
        int[] months = [5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 1];

        var (payload, _) = LearningVelocityCalculator.Compute(Input([Total()], new UnitCompletions { Quarter = 1, Months = months }));

        Assert.That(payload.Trends.PeakLearningMonth, Is.EqualTo("February 2025"));
    }

    [Test]
    public void Compute_WithoutCompletions_GivesNaTrendsAndNoPeakMonth()
    {
        var (payload, _) = LearningVelocityCalculator.Compute(Input([Total()]));

        Assert.Multiple(() =>
        {
            Assert.That(payload.Trends.QuarterOverQuarter, Is.EqualTo("n/a"));
            Assert.That(payload.Trends.YearOverYear, Is.EqualTo("n/a"));
            Assert.That(payload.Trends.PeakLearningMonth, Is.Null);
        });
    }

    [TestCase(6, 3, "+100% increase")]
    [TestCase(3, 4, "-25% decrease")]
    [TestCase(4, 4, "0% no change")]
    [TestCase(5, 0, "n/a")]
    public void ChangeString_FollowsTheConventionOfSection02(int current, int previous, string expected) =>
        Assert.That(Labels.ChangeString(current, previous), Is.EqualTo(expected));
}
