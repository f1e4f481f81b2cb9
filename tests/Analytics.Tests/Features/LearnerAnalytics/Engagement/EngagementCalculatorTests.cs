using Analytics.Api.Features.LearnerAnalytics.Engagement;
using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Tests.Features.LearnerAnalytics.Engagement;

/// <summary>The `engagement@1.0` payload of ANALYTICS.md §1.3 around the score: G3, time spent, rates, frequency, content, history, edges.</summary>
public sealed class EngagementCalculatorTests
{
    private static readonly DateOnly AsOf = new(2025, 3, 14);
    private static readonly EngagementSettings Settings = new();

    /// <summary>One active course of 10 items: 4 videos, 2 quizzes + 1 interactive, 1 article + 1 resource, no forum, 1 other.</summary>
    private static readonly EngagementEnrolment Course = new("c1", AsOf.AddDays(-200), null, null, AsOf.AddDays(-200), 10, 4, 3, 2, 0);

    private static EngagementDayRow[] G3Rows() =>
        EngagementScoreTests.G3Days()
            .Select(d => new EngagementDayRow(d.Day, d.Events, d.Milestones, d.ProgressEvents, d.Sessions, d.Minutes, ActivityMinutes: 999))
            .ToArray();

    private static EngagementInputs Inputs(
        string? durationSource = EngagementDurationSources.Sessions,
        EngagementDayRow[]? days = null,
        EngagementEnrolment[]? enrolments = null,
        EngagementItemTouch[]? items = null,
        EngagementTopicTouch[]? topics = null) =>
        new(AsOf, durationSource, days ?? G3Rows(), enrolments ?? [Course], items ?? [], topics ?? []);

    [Test]
    public void Compute_G3_PublishesTheWorkedExample()
    {
        var payload = EngagementCalculator.Compute(Inputs(), Settings);

        Assert.Multiple(() =>
        {
            Assert.That(payload.OverallEngagement, Is.EqualTo(60));
            Assert.That(payload.Band, Is.EqualTo("engaged"));
            Assert.That(payload.Components, Is.EqualTo(new EngagementComponents(66.7, 55.6, 56.7)));
            Assert.That(payload.ComponentsUsed, Is.EqualTo(new[] { "loginFrequency", "sessionDuration", "activity" }));
            Assert.That(payload.DataStatus, Is.EqualTo(DataStatuses.Ok));
            Assert.That(payload.NotAvailable, Is.Empty);
            Assert.That(payload.DefinitionVersion, Is.EqualTo("engagement@1.0"));
            Assert.That(payload.AsOf, Is.EqualTo(AsOf));
        });
    }

    [Test]
    public void Compute_G3_TimeSpentUsesSessionMinutesPerSession()
    {
        // 180 session minutes in 14 days over 5 sessions; 120 in the last 7 against 60 before. Activity minutes (999) are ignored.
        var payload = EngagementCalculator.Compute(Inputs(), Settings);

        Assert.That(payload.TimeSpent, Is.EqualTo(new EngagementTimeSpent(3.0, 0.6, "increasing")));
    }

    [Test]
    public void Compute_OrganisationWithActivityMinutesOnly_AveragesTimePerActiveDay()
    {
        var rows = new[]
        {
            new EngagementDayRow(AsOf.AddDays(-10), 5, 0, 0, 0, 0, 90),
            new EngagementDayRow(AsOf.AddDays(-1), 5, 0, 0, 0, 0, 30),
        };

        var payload = EngagementCalculator.Compute(Inputs(EngagementDurationSources.ActivityMinutes, rows), Settings);

        Assert.Multiple(() =>
        {
            Assert.That(payload.TimeSpent, Is.EqualTo(new EngagementTimeSpent(2.0, 1.0, "decreasing")));
            Assert.That(payload.Components.SessionDuration, Is.EqualTo(Numbers.Round(100.0 * (90 + 60) / 540, 1)));
        });
    }

    [Test]
    public void Compute_G3WithoutDurationSource_Is61PartialWithSAndTimeSpentNotAvailable()
    {
        var payload = EngagementCalculator.Compute(Inputs(durationSource: null), Settings);

        Assert.Multiple(() =>
        {
            Assert.That(payload.OverallEngagement, Is.EqualTo(61));
            Assert.That(payload.Components, Is.EqualTo(new EngagementComponents(66.7, null, 56.7)));
            Assert.That(payload.TimeSpent, Is.Null);
            Assert.That(payload.ComponentsUsed, Is.EqualTo(new[] { "loginFrequency", "activity" }));
            Assert.That(payload.NotAvailable, Is.EquivalentTo(new[] { "components.sessionDuration", "timeSpent" }));
            Assert.That(payload.DataStatus, Is.EqualTo(DataStatuses.Partial));
        });
    }

    [Test]
    public void Compute_G3_HistoryRecomputesEachWeekWithA14DayWindow()
    {
        // At asOf−7 the window [−20, −7] holds −12 and −9, both in its newest week: L 4/12, S 120/540, V 80/300 → 27.9 → 28.
        var payload = EngagementCalculator.Compute(Inputs(), Settings, windowDays: 30);

        Assert.Multiple(() =>
        {
            Assert.That(payload.EngagementHistory.Select(p => p.Engagement), Is.EqualTo(new[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 28, 60 }));
            Assert.That(payload.EngagementHistory[0].Date, Is.EqualTo(AsOf.AddDays(-77)));
            Assert.That(payload.EngagementHistory[^1].Date, Is.EqualTo(AsOf));
            Assert.That(payload.OverallEngagement, Is.Not.EqualTo(60), "windowDays changes the headline, not the history");
        });
    }

    [Test]
    public void Compute_G3_SessionFrequencyCountsActiveDaysWeeksAndMonths()
    {
        var payload = EngagementCalculator.Compute(Inputs(), Settings);

        // 5 of 14 days; 2 of 12 weeks; 1 of 6 thirty-day blocks; nothing in the 14 days before → increasing.
        Assert.That(payload.SessionFrequency, Is.EqualTo(new EngagementSessionFrequency(0.357, 0.167, 0.167, "increasing")));
    }

    [Test]
    public void Compute_InteractionRateAndContentEngagement_ShareOfTheActiveCoursesItems()
    {
        EngagementItemTouch[] items =
        [
            new("v1", "c1", "video", 0, true),
            new("q1", "c1", "quiz", 0, true),
            new("v2", "c1", "video", 1, true),
            new("a1", "c1", "article", 3, false),
            new("x1", "old", "video", 0, true), // a course the learner is not (or no longer) enrolled in
        ];

        var payload = EngagementCalculator.Compute(Inputs(items: items), Settings);

        Assert.Multiple(() =>
        {
            // current 2/10; previous windows 1/10, 0, 1/10, 0, 0, 0 → mean 0.0333.
            Assert.That(payload.InteractionRate, Is.EqualTo(new EngagementRate(0.2, 0.033, "increasing")));
            Assert.That(payload.ContentEngagement, Is.EqualTo(new EngagementContent(0.5, 0.333, 0, null)));
        });
    }

    [Test]
    public void Compute_CompletionRate_IsTheShareOfTouchedTopicsCompletedByEachWindowsEnd()
    {
        EngagementTopicTouch[] topics =
        [
            new("t1", 0, AsOf.AddDays(-3)),
            new("t2", 0, null),
            new("t3", 0, AsOf.AddDays(1)), // completed after asOf: not yet
            new("t4", 0, AsOf.AddDays(-1)),
            new("t1", 1, AsOf.AddDays(-3)), // touched in the window before, completed only after that window's end
            new("t5", 1, AsOf.AddDays(-20)),
        ];

        var payload = EngagementCalculator.Compute(Inputs(topics: topics), Settings);

        Assert.That(payload.CompletionRate, Is.EqualTo(new EngagementRate(0.5, 0.5, "stable")));
    }

    [Test]
    public void Compute_LearnerInTwoCourses_AddsBothCoursesItemsAndDropsAFinishedOne()
    {
        var second = new EngagementEnrolment("c2", AsOf.AddDays(-30), null, null, null, 10, 0, 0, 0, 10);
        var finished = new EngagementEnrolment("c3", AsOf.AddDays(-300), AsOf.AddDays(-100), null, AsOf.AddDays(-300), 50, 50, 0, 0, 0);
        EngagementItemTouch[] items = [new("v1", "c1", "video", 0, true), new("f1", "c2", "forum", 0, true), new("f2", "c2", "forum", 0, true)];

        var payload = EngagementCalculator.Compute(Inputs(enrolments: [Course, second, finished], items: items), Settings);

        Assert.Multiple(() =>
        {
            Assert.That(payload.InteractionRate.Current, Is.EqualTo(0.15));
            Assert.That(payload.ContentEngagement, Is.EqualTo(new EngagementContent(0.25, 0, 0, 0.2)));
        });
    }

    [Test]
    public void Compute_SelfPacedEnrolmentWithoutCourseDates_IsActiveFromEnrolment()
    {
        var selfPaced = new EngagementEnrolment("sp", AsOf.AddDays(-20), null, null, null, 4, 4, 0, 0, 0);
        EngagementItemTouch[] items = [new("v1", "sp", "video", 0, true)];

        var payload = EngagementCalculator.Compute(Inputs(enrolments: [selfPaced], items: items), Settings);

        Assert.Multiple(() =>
        {
            Assert.That(payload.InteractionRate.Current, Is.EqualTo(0.25));
            // Its first 14-day windows before enrolment have no active course: only window 1 (ending at −14) counts, with no touch.
            Assert.That(payload.InteractionRate.Average, Is.EqualTo(0));
        });
    }

    [Test]
    public void Compute_SingleSubmissionOnly_IsOneActiveDayAndOneMilestone()
    {
        var rows = new[] { new EngagementDayRow(AsOf.AddDays(-1), 0, 1, 1, 0, 0, 0) };

        var payload = EngagementCalculator.Compute(Inputs(days: rows), Settings);

        // L = 2/12, S = 0, V = 10/300 → (5.833 + 0 + 1.333) = 7.2 → 7.
        Assert.Multiple(() =>
        {
            Assert.That(payload.OverallEngagement, Is.EqualTo(7));
            Assert.That(payload.Band, Is.EqualTo("at-risk"));
            Assert.That(payload.TimeSpent, Is.EqualTo(new EngagementTimeSpent(0, null, "stable")));
        });
    }

    [Test]
    public void Compute_EnrolledButInactive_IsZeroAtRiskNotNoData()
    {
        var payload = EngagementCalculator.Compute(Inputs(days: []), Settings);

        Assert.Multiple(() =>
        {
            Assert.That(payload.OverallEngagement, Is.EqualTo(0));
            Assert.That(payload.Band, Is.EqualTo("at-risk"));
            Assert.That(payload.DataStatus, Is.EqualTo(DataStatuses.Ok));
            Assert.That(payload.InteractionRate, Is.EqualTo(new EngagementRate(0, 0, "stable")));
            Assert.That(payload.CompletionRate, Is.EqualTo(new EngagementRate(null, null, "stable")));
        });
    }

    [TestCase(EngagementDurationSources.Sessions, true)]
    [TestCase(null, false)]
    public void Compute_WithoutEnrolmentOrActivity_IsNoDataWithNullsAndKeptKeys(string? durationSource, bool durations)
    {
        var payload = EngagementCalculator.Compute(Inputs(durationSource, days: [], enrolments: []), Settings);

        Assert.Multiple(() =>
        {
            Assert.That(payload.DataStatus, Is.EqualTo(DataStatuses.NoData));
            Assert.That(payload.OverallEngagement, Is.Null);
            Assert.That(payload.Band, Is.Null);
            Assert.That(payload.Components, Is.EqualTo(new EngagementComponents(null, null, null)));
            Assert.That(payload.InteractionRate, Is.EqualTo(new EngagementRate(null, null, null)));
            Assert.That(payload.SessionFrequency, Is.EqualTo(new EngagementSessionFrequency(null, null, null, null)));
            Assert.That(payload.ContentEngagement, Is.EqualTo(new EngagementContent(null, null, null, null)));
            Assert.That(payload.EngagementHistory, Is.Empty);
            Assert.That(payload.ComponentsUsed, Is.Empty);
            Assert.That(payload.TimeSpent, Is.EqualTo(durations ? new EngagementTimeSpent(null, null, null) : null));
            Assert.That(payload.NotAvailable, Has.Count.EqualTo(durations ? 0 : 2));
        });
    }

    [Test]
    public void Settings_OrganisationWeights_OverrideTheDefaultsAndIgnoreInvalidMembers()
    {
        var settings = Settings.WithOrganisationWeights("""{"loginFrequency": 0.5, "sessionDuration": -1, "activity": "x"}""");

        Assert.Multiple(() =>
        {
            Assert.That(settings.LoginFrequencyWeight, Is.EqualTo(0.5));
            Assert.That(settings.SessionDurationWeight, Is.EqualTo(0.25));
            Assert.That(settings.ActivityWeight, Is.EqualTo(0.40));
            Assert.That(Settings.WithOrganisationWeights("not json"), Is.EqualTo(Settings));
        });
    }

    [TestCase(10, 10, "stable")]
    [TestCase(11.1, 10, "increasing")]
    [TestCase(11, 10, "stable")]
    [TestCase(8.9, 10, "decreasing")]
    [TestCase(1, 0, "increasing")]
    [TestCase(0, 0, "stable")]
    public void TrendOf_UsesTheTenPercentBandAndTheZeroBaseRule(double current, double previous, string expected)
    {
        Assert.That(EngagementCalculator.TrendOf(current, previous, Settings.TrendThreshold), Is.EqualTo(expected));
    }
}
