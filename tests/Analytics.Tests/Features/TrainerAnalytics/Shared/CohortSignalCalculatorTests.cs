using Analytics.Api.Features.TrainerAnalytics.Shared;

namespace Analytics.Tests.Features.TrainerAnalytics.Shared;

/// <summary>
/// The cohort inputs trainer analytics compute themselves: engagement per ANALYTICS.md §1.3 (worked example G3) and the
/// transparent drop-off rule of §5.1 A (worked example G7).
/// </summary>
public sealed class CohortSignalCalculatorTests
{
    private static readonly CohortSettings Settings = new();

    private static CohortSignal Signal(
        double activeDays = 0, double? minutes = 0, double units = 0, int last7 = 0, int previous7 = 0, bool progress = true, bool scored = true) =>
        new("c-1", new DateOnly(2025, 3, 14), "u-1", scored, activeDays, minutes, units, last7, previous7, progress);

    [Test]
    public void Engagement_G3_Gives60AndWithoutDurations61()
    {
        // Active −4, −2, 0 (weight 2) and −12, −9 (weight 1): Σw·active = 8; minutes 2·120 + 60 = 300; units 2·(60 + 5) + 40 = 170.
        var withMinutes = Signal(activeDays: 8, minutes: 300, units: 170);
        var withoutMinutes = withMinutes with { WeightedMinutes = null };

        Assert.Multiple(() =>
        {
            Assert.That(CohortSignalCalculator.Engagement(withMinutes, Settings), Is.EqualTo(60));
            Assert.That(CohortSignalCalculator.Engagement(withoutMinutes, Settings), Is.EqualTo(61));
        });
    }

    [Test]
    public void Engagement_CapsEachComponentAt100()
    {
        Assert.That(CohortSignalCalculator.Engagement(Signal(activeDays: 21, minutes: 5000, units: 9000), Settings), Is.EqualTo(100));
    }

    [TestCase(45, 2, 3, true, 70, TestName = "Risk_G7a_LowEngagementAndDecline_Is70High")]
    [TestCase(30, 0, 1, false, 100, TestName = "Risk_G7b_AllThreeConditions_Is100Critical")]
    [TestCase(55, 0, 0, false, 30, TestName = "Risk_G7c_OnlyNoProgress_Is30Low")]
    [TestCase(50, 2, 3, true, 30, TestName = "Risk_G7d_PublishedEngagement50IsNotBelow50_Is30Low")]
    public void Risk_FollowsTheTransparentRule(int engagement, int last7, int previous7, bool progress, int expected)
    {
        var risk = CohortSignalCalculator.Risk(Signal(last7: last7, previous7: previous7, progress: progress), engagement, Settings);

        Assert.That(risk, Is.EqualTo(expected));
    }

    [Test]
    public void Risk_DeclineOfExactly20Percent_IsNoDecline()
    {
        // p7 = 5, v7 = 4: (5 − 4)/5 = 0.20 is not > 0.20.
        Assert.That(CohortSignalCalculator.Risk(Signal(last7: 4, previous7: 5), 80, Settings), Is.EqualTo(0));
    }

    [TestCase(59, false)]
    [TestCase(60, true)]
    [TestCase(80, true)]
    [TestCase(100, true)]
    public void IsHighOrCritical_StartsAtTheHighBand(int risk, bool expected)
    {
        Assert.That(CohortSignalCalculator.IsHighOrCritical(risk), Is.EqualTo(expected));
    }

    [Test]
    public void AtRiskCount_LeavesOutLearnersWhoAreNotScored()
    {
        var inactive = Signal(progress: false);
        var optedOutOrTooEarly = inactive with { Scored = false, UserId = "u-2" };
        var engaged = Signal(activeDays: 21, minutes: 540, units: 300) with { UserId = "u-3" };

        Assert.That(CohortSignalCalculator.AtRiskCount([inactive, optedOutOrTooEarly, engaged], Settings), Is.EqualTo(1));
    }
}
