using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Features.LearnerAnalytics.Velocity;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Tests.Features.LearnerAnalytics.Velocity;

/// <summary>ANALYTICS.md §8 G1 and the edge cases of §1.1, on the pure computation.</summary>
public sealed class VelocityCalculatorTests
{
    private static readonly DateOnly AsOf = new(2025, 3, 14);
    private static readonly VelocitySettings Settings = new();

    /// <summary>G1: one active course ending at asOf+28 with 12 topics, 6 done at −2, −8, −10, −12, −20, −40.</summary>
    private static VelocityPayload G1(string window = "30d")
    {
        var enrolment = new VelocityEnrolment("c1", AsOf.AddDays(-150), null, null, AsOf.AddDays(-150), AsOf.AddDays(28), null, 12);
        var units = new[] { -2, -8, -10, -12, -20, -40 }.Select(d => new VelocityUnit("c1", AsOf.AddDays(d))).ToArray();
        return VelocityCalculator.Compute(AsOf, [enrolment], units, hasLearningPath: false, Settings, window);
    }

    [Test]
    public void Compute_G1_MatchesTheWorkedExample()
    {
        var payload = G1();

        Assert.Multiple(() =>
        {
            Assert.That(payload.CurrentVelocity, Is.EqualTo(78));
            Assert.That(payload.Momentum, Is.EqualTo("slowing"));
            Assert.That(payload.Trend, Is.EqualTo("down"));
            Assert.That(payload.TimeWindows["7d"], Is.EqualTo(new VelocityWindow(67, "slowing")));
            Assert.That(payload.TimeWindows["30d"], Is.EqualTo(new VelocityWindow(78, "accelerating")));
            Assert.That(payload.TimeWindows["90d"], Is.EqualTo(new VelocityWindow(31, "accelerating")));
            Assert.That(payload.UnitsPerWeek["7d"], Is.EqualTo(1.00));
            Assert.That(payload.UnitsPerWeek["30d"], Is.EqualTo(1.17));
            Assert.That(payload.UnitsPerWeek["90d"], Is.EqualTo(0.47));
            Assert.That(payload.TargetUnitsPerWeek, Is.EqualTo(1.5));
            Assert.That(payload.RemainingUnits, Is.EqualTo(6));
            Assert.That(payload.Stalled, Is.False);
            Assert.That(payload.EstimatedCompletion, Is.EqualTo(new DateOnly(2025, 4, 25)));
            Assert.That(payload.VelocityHistory.Select(p => p.Velocity), Is.EqualTo(new[] { 0, 0, 0, 0, 0, 0, 19, 17, 15, 28, 67, 78 }));
            Assert.That(payload.VelocityHistory[0].Date, Is.EqualTo(AsOf.AddDays(-77)));
            Assert.That(payload.VelocityHistory[^1].Date, Is.EqualTo(AsOf));
            Assert.That(payload.DataStatus, Is.EqualTo(DataStatuses.Ok));
            Assert.That(payload.DefinitionVersion, Is.EqualTo("velocity@1.0"));
            Assert.That(payload.AsOf, Is.EqualTo(AsOf));
        });
    }

    [TestCase("7d", 67)]
    [TestCase("30d", 78)]
    [TestCase("90d", 31)]
    public void Compute_WithWindow_ReplacesOnlyCurrentVelocity(string window, int expected)
    {
        var payload = G1(window);

        Assert.Multiple(() =>
        {
            Assert.That(payload.CurrentVelocity, Is.EqualTo(expected));
            Assert.That(payload.Momentum, Is.EqualTo("slowing"));
            Assert.That(payload.TimeWindows["30d"]!.Velocity, Is.EqualTo(78));
        });
    }

    [Test]
    public void Compute_WithoutEnrolmentOrPath_IsNoDataWithNullsAndKeptKeys()
    {
        var payload = VelocityCalculator.Compute(AsOf, [], [], hasLearningPath: false, Settings);

        Assert.Multiple(() =>
        {
            Assert.That(payload.DataStatus, Is.EqualTo(DataStatuses.NoData));
            Assert.That(payload.CurrentVelocity, Is.Null);
            Assert.That(payload.Momentum, Is.Null);
            Assert.That(payload.TimeWindows.Keys, Is.EquivalentTo(new[] { "7d", "30d", "90d" }));
            Assert.That(payload.TimeWindows.Values, Is.All.Null);
            Assert.That(payload.UnitsPerWeek.Values, Is.All.Null);
            Assert.That(payload.VelocityHistory, Is.Empty);
        });
    }

    [Test]
    public void Compute_SelfPacedCourseWithoutEnd_UsesTheDefaultPaceAndNoOverdue()
    {
        // Open-ended self-paced course (no dates, no length): p_e = 2 units/week while units remain.
        var enrolment = new VelocityEnrolment("c1", AsOf.AddDays(-60), null, null, null, null, null, 10);
        var units = new[] { new VelocityUnit("c1", AsOf.AddDays(-3)) };

        var payload = VelocityCalculator.Compute(AsOf, [enrolment], units, hasLearningPath: false, Settings);

        Assert.Multiple(() =>
        {
            Assert.That(payload.TargetUnitsPerWeek, Is.EqualTo(2));
            Assert.That(payload.RemainingUnits, Is.EqualTo(9));
            // v30 = 7/30 = 0.2333 units/week against 2 → 11.67 → 12.
            Assert.That(payload.CurrentVelocity, Is.EqualTo(12));
            Assert.That(payload.Stalled, Is.False);
        });
    }

    [Test]
    public void Compute_OverdueEnrolment_GetsOneWeekToFinish()
    {
        var enrolment = new VelocityEnrolment("c1", AsOf.AddDays(-90), null, null, AsOf.AddDays(-90), AsOf.AddDays(-5), null, 4);

        var payload = VelocityCalculator.Compute(AsOf, [enrolment], [], hasLearningPath: false, Settings);

        Assert.Multiple(() =>
        {
            Assert.That(payload.TargetUnitsPerWeek, Is.EqualTo(4));
            Assert.That(payload.CurrentVelocity, Is.EqualTo(0));
            Assert.That(payload.Stalled, Is.True);
            Assert.That(payload.EstimatedCompletion, Is.Null);
        });
    }

    [Test]
    public void Compute_TwoCourses_SumsTheirPaces()
    {
        // Course A: 4 remaining over 4 weeks (1/week); course B: 6 remaining over 2 weeks (3/week) → P = 4.
        var a = new VelocityEnrolment("a", AsOf.AddDays(-30), null, null, AsOf.AddDays(-30), AsOf.AddDays(28), null, 4);
        var b = new VelocityEnrolment("b", AsOf.AddDays(-30), null, null, AsOf.AddDays(-30), AsOf.AddDays(14), null, 7);
        var units = new[] { new VelocityUnit("b", AsOf.AddDays(-1)) };

        var payload = VelocityCalculator.Compute(AsOf, [a, b], units, hasLearningPath: false, Settings);

        Assert.Multiple(() =>
        {
            Assert.That(payload.TargetUnitsPerWeek, Is.EqualTo(4));
            Assert.That(payload.RemainingUnits, Is.EqualTo(10));
        });
    }

    [Test]
    public void Compute_NothingNowOrBefore_IsSteady()
    {
        var enrolment = new VelocityEnrolment("c1", AsOf.AddDays(-10), null, null, AsOf.AddDays(-10), AsOf.AddDays(60), null, 5);

        var payload = VelocityCalculator.Compute(AsOf, [enrolment], [], hasLearningPath: false, Settings);

        Assert.Multiple(() =>
        {
            Assert.That(payload.Momentum, Is.EqualTo("steady"));
            Assert.That(payload.Trend, Is.EqualTo("stable"));
            Assert.That(payload.CurrentVelocity, Is.EqualTo(0));
        });
    }
}
