using Analytics.Api.Features.Predictive.DropOffRisk;
using Analytics.Api.Features.Predictive.Shared;

namespace Analytics.Tests.Features.Predictive.DropOffRisk;

/// <summary>The rule, bands and formatting of drop-off risk (ANALYTICS.md §5.1) on hand-made histories.</summary>
public sealed class DropOffRiskScorerTests
{
    private static readonly DateOnly Cutoff = new(2025, 3, 15);
    private static readonly DropOffRiskScorer Scorer = new(new DropOffRiskSettings());

    [TestCase(81, "Critical")]
    [TestCase(80, "High")]
    [TestCase(60, "High")]
    [TestCase(59, "Medium")]
    [TestCase(40, "Medium")]
    [TestCase(39, "Low")]
    [TestCase(0, "Low")]
    public void Level_OnTheSharedBoundaries_FollowsTheDecidedBands(int risk, string level) =>
        Assert.That(DropOffRiskLevels.Of(risk), Is.EqualTo(level));

    [TestCase(80, false, true, 0)]
    [TestCase(80, false, false, 30)]
    [TestCase(49, false, true, 40)]
    [TestCase(50, false, true, 0)]
    [TestCase(80, true, false, 60)]
    [TestCase(49, false, false, 70)]
    [TestCase(49, true, false, 100)]
    public void Score_AddsThePointsOfEachCondition(int engagement, bool decline, bool progressed, int risk)
    {
        var units = new List<DateOnly>();
        if (decline)
        {
            units.AddRange([Cutoff.AddDays(-10), Cutoff.AddDays(-9)]);
        }

        var activity = progressed ? new[] { new DropOffActivity(Cutoff.AddDays(-1), 3, 0) } : [];

        var score = Scorer.Score(History(activity, units), Cutoff, engagement);

        Assert.That(score.Risk, Is.EqualTo(risk));
    }

    [Test]
    public void Score_DeclineOfExactlyTheShare_IsNoDecline()
    {
        // 5 units the week before, 4 in the last week: (5 − 4)/5 = 0.20 is not above 0.20.
        var units = Enumerable.Range(8, 5).Select(d => Cutoff.AddDays(-d)).Concat(Enumerable.Range(1, 4).Select(d => Cutoff.AddDays(-d))).ToList();

        var score = Scorer.Score(History([], units), Cutoff, 80);

        Assert.That(score.Decline, Is.False);
    }

    [Test]
    public void Score_RowsOnOrAfterTheCutoff_AreIgnored()
    {
        var score = Scorer.Score(History([new DropOffActivity(Cutoff, 10, 0)], [Cutoff]), Cutoff, 80);

        Assert.That(score.NoProgress, Is.True);
    }

    [TestCase(30, "30m")]
    [TestCase(59.4, "59m")]
    [TestCase(60, "1h")]
    [TestCase(90, "1.5h")]
    public void Duration_FormatsMinutesAndHours(double minutes, string expected) =>
        Assert.That(DropOffRiskCalculator.Duration(minutes), Is.EqualTo(expected));

    [Test]
    public void WeekLabel_IsTheIsoWeek() =>
        Assert.That(DropOffRiskCalculator.WeekLabel(new DateOnly(2025, 11, 23)), Is.EqualTo("2025-W47"));

    private static DropOffHistory History(IReadOnlyList<DropOffActivity> activity, IReadOnlyList<DateOnly> units) =>
        new(
            new DropOffEnrolment("e1", "u1", "c1", "Course", Cutoff.AddDays(-70), Cutoff.AddDays(-70), null, null, "active", null, 140, null, null),
            activity,
            [],
            [],
            units.Order().ToArray(),
            []);
}
