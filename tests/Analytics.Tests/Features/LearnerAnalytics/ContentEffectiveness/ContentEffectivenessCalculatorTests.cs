using Analytics.Api.Features.LearnerAnalytics.ContentEffectiveness;
using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Tests.Features.LearnerAnalytics.ContentEffectiveness;

/// <summary>
/// The rules of ANALYTICS.md §1.6 on the pure computation. §8 has no worked example for this analytic, so <see cref="Scenario"/>
/// is one computed by hand (see the comments of <see cref="Compute_Scenario_MatchesTheHandComputedValues"/>).
/// </summary>
public sealed class ContentEffectivenessCalculatorTests
{
    private static readonly DateOnly AsOf = new(2025, 3, 14);
    private static readonly ContentEffectivenessSettings Settings = new();

    private static DateOnly Day(int offset) => AsOf.AddDays(offset);

    /// <summary>
    /// Course c1 with topics t1, t2. Items: v1 video t1 (10 min), a1 article t1 (titled), v2 and v3 videos t2 (never opened),
    /// q1 quiz without topic, f1 forum t2. Opened: v1 −20 (10 min of 10), a1 −5, q1 −50, f1 −7. Assessments: as1 t1 (90 at −10,
    /// 70 at −8), as2 t2 (30 at −6), as3 and as4 without topic (80 at −4; 60 at −40).
    /// </summary>
    internal static ContentEffectivenessInputs Scenario() => new(
        [new ContentEnrolment("c1", Day(-120), Day(-120))],
        [
            new ContentItem("v1", "c1", "t1", null, "video", "manual", 600, "Topic one", "Course one"),
            new ContentItem("a1", "c1", "t1", "Reading list", "article", "manual", null, "Topic one", "Course one"),
            new ContentItem("v2", "c1", "t2", null, "video", "ai", 300, "Topic two", "Course one"),
            new ContentItem("v3", "c1", "t2", null, "video", "ai", 300, "Topic two", "Course one"),
            new ContentItem("q1", "c1", null, null, "quiz", "manual", null, null, "Course one"),
            new ContentItem("f1", "c1", "t2", null, "forum", "ai", null, "Topic two", "Course one"),
        ],
        [
            new ContentActivity("v1", Day(-20), 3, 10),
            new ContentActivity("a1", Day(-5), 2, 2),
            new ContentActivity("q1", Day(-50), 1, null),
            new ContentActivity("f1", Day(-7), 4, 3),
        ],
        [
            new ContentSubmission("as1", "c1", "t1", Day(-10), 90),
            new ContentSubmission("as1", "c1", "t1", Day(-8), 70),
            new ContentSubmission("as2", "c1", "t2", Day(-6), 30),
            new ContentSubmission("as3", "c1", null, Day(-4), 80),
            new ContentSubmission("as4", "c1", null, Day(-40), 60),
        ],
        [Day(-50), Day(-40), Day(-20), Day(-10), Day(-8), Day(-7), Day(-6), Day(-5), Day(-4)]);

    [Test]
    public void Compute_Scenario_MatchesTheHandComputedValues()
    {
        // Pairs (unit = topic when both have one, else course; opened on or before the first submission):
        // as1 .9 ← v1, q1 · as2 .3 ← f1, q1 · as3 .8 ← v1, a1, f1, q1 · as4 .6 ← q1.
        // video (.9+.8)/2 = .85; article .8; quiz (.9+.3+.8+.6)/4 = .65; forum (.3+.8)/2 = .55; overall 6.2/9 = .689.
        var payload = ContentEffectivenessCalculator.Compute(AsOf, Scenario(), new ContentEffectivenessFilter(), Settings);

        Assert.Multiple(() =>
        {
            Assert.That(payload.OverallEffectiveness, Is.EqualTo(0.689));
            // Active days in the last 30: −20, −10, −8, −7, −6, −5, −4 (7); video touched 1 of them, quiz none.
            Assert.That(payload.ContentTypes, Is.EqualTo(new[]
            {
                new ContentTypeEffectiveness("type-video", "Video", 0.85, 0.333, 0.143, 1, 3, null, 10, Day(-20)),
                new ContentTypeEffectiveness("type-article", "Article", 0.8, 1, 0.143, 1, 1, null, 2, Day(-5)),
                new ContentTypeEffectiveness("type-quiz", "Quiz", 0.65, 1, 0, 1, 1, null, 0, Day(-50)),
                new ContentTypeEffectiveness("type-forum", "Forum", 0.55, 1, 0.143, 1, 1, null, 3, Day(-7)),
            }));
            // Only as4 was first submitted in the 90 days to asOf−30.
            Assert.That(payload.EffectivenessHistory, Is.EqualTo(new[] { new EffectivenessPoint(Day(-30), 0.6), new EffectivenessPoint(AsOf, 0.689) }));
            Assert.That(payload.TopPerformingContent, Is.EqualTo(new[]
            {
                new ContentItemEffectiveness("v1", "Video · Topic one", "video", 0.85, null),
                new ContentItemEffectiveness("a1", "Reading list", "article", 0.8, null),
            }));
            Assert.That(payload.UnderperformingContent, Is.EqualTo(new[] { new ContentItemEffectiveness("f1", "Forum · Topic two", "forum", 0.55, null) }));
            Assert.That(payload.Recommendations, Is.EqualTo(new[]
            {
                new ContentRecommendation("video", "high", "Scores are higher after video content; 2 of 3 unopened."),
                new ContentRecommendation("forum", "low", "Scores after forum content are low (55 %); pair it with practice."),
            }));
            Assert.That(payload.NotAvailable, Is.EqualTo(new[]
            {
                "contentTypes[].averageRating", "topPerformingContent[].rating", "underperformingContent[].rating",
            }));
            Assert.That(payload.DataStatus, Is.EqualTo(DataStatuses.Ok));
            Assert.That(payload.DefinitionVersion, Is.EqualTo("content-effectiveness@1.0"));
        });
    }

    [Test]
    public void Compute_WithContentType_CountsOnlyThatType()
    {
        var payload = ContentEffectivenessCalculator.Compute(AsOf, Scenario(), new ContentEffectivenessFilter(ContentType: "video"), Settings);

        Assert.Multiple(() =>
        {
            Assert.That(payload.ContentTypes.Select(t => t.Id), Is.EqualTo(new[] { "type-video" }));
            Assert.That(payload.OverallEffectiveness, Is.EqualTo(0.85));
            Assert.That(payload.UnderperformingContent, Is.Empty);
        });
    }

    [Test]
    public void Compute_WithCreationMethod_CountsOnlyItemsMadeThatWay()
    {
        var payload = ContentEffectivenessCalculator.Compute(AsOf, Scenario(), new ContentEffectivenessFilter(CreationMethod: "ai"), Settings);

        Assert.Multiple(() =>
        {
            Assert.That(payload.ContentTypes.Select(t => (t.Id, t.Effectiveness, t.CompletedContent, t.TotalContent)), Is.EqualTo(new[]
            {
                ("type-video", (double?)null, 0, 2),
                ("type-forum", (double?)0.55, 1, 1),
            }));
            Assert.That(payload.OverallEffectiveness, Is.EqualTo(0.55));
        });
    }

    [Test]
    public void Compute_WithFromAndTo_UsesThatPeriodAndEndsTheWindowsThere()
    {
        var payload = ContentEffectivenessCalculator.Compute(
            AsOf, Scenario(), new ContentEffectivenessFilter(From: Day(-45), To: Day(-30)), Settings);

        var quiz = payload.ContentTypes.Single(t => t.Id == "type-quiz");
        Assert.Multiple(() =>
        {
            Assert.That(payload.OverallEffectiveness, Is.EqualTo(0.6), "only as4 was first submitted in the period");
            Assert.That(quiz.CompletedContent, Is.EqualTo(0), "q1 was opened before the period");
            Assert.That(quiz.LastAccessed, Is.EqualTo(Day(-50)));
            Assert.That(payload.ContentTypes.Single(t => t.Id == "type-video").LastAccessed, Is.Null, "v1 was opened after the period");
            Assert.That(payload.EffectivenessHistory.Select(p => p.Date), Is.EqualTo(new[] { Day(-30) }));
        });
    }

    [Test]
    public void Compute_WithoutMinutes_TimeSpentIsNullAndNotAvailable()
    {
        var scenario = Scenario();
        var inputs = scenario with { Activity = scenario.Activity.Select(a => a with { Minutes = null }).ToArray() };

        var payload = ContentEffectivenessCalculator.Compute(AsOf, inputs, new ContentEffectivenessFilter(), Settings);

        Assert.Multiple(() =>
        {
            Assert.That(payload.ContentTypes.Select(t => t.TimeSpent), Is.All.Null);
            Assert.That(payload.NotAvailable, Does.Contain("contentTypes[].timeSpent"));
            Assert.That(payload.ContentTypes.Single(t => t.Id == "type-video").CompletedContent, Is.EqualTo(1), "≥ 1 event without minutes");
        });
    }

    [Test]
    public void Compute_MinutesBelow80PercentOfTheDuration_IsNotCompleted()
    {
        var scenario = Scenario();
        var inputs = scenario with { Activity = [new ContentActivity("v1", Day(-20), 3, 7), .. scenario.Activity.Skip(1)] };

        var payload = ContentEffectivenessCalculator.Compute(AsOf, inputs, new ContentEffectivenessFilter(), Settings);

        Assert.That(payload.ContentTypes.Single(t => t.Id == "type-video").CompletedContent, Is.EqualTo(0), "7 of 10 minutes");
    }

    [Test]
    public void Compute_WithoutEnrolment_IsNoDataWithEmptyLists()
    {
        var payload = ContentEffectivenessCalculator.Compute(AsOf, new ContentEffectivenessInputs([], [], [], [], []), new ContentEffectivenessFilter(), Settings);

        Assert.Multiple(() =>
        {
            Assert.That(payload.DataStatus, Is.EqualTo(DataStatuses.NoData));
            Assert.That(payload.OverallEffectiveness, Is.Null);
            Assert.That(payload.ContentTypes, Is.Empty);
            Assert.That(payload.EffectivenessHistory, Is.Empty);
            Assert.That(payload.TopPerformingContent, Is.Empty);
            Assert.That(payload.UnderperformingContent, Is.Empty);
            Assert.That(payload.Recommendations, Is.Empty);
        });
    }

    [Test]
    public void Compute_SingleSubmission_IsItsScore()
    {
        var inputs = new ContentEffectivenessInputs(
            [new ContentEnrolment("c", Day(-10), null)],
            [new ContentItem("i", "c", null, null, "resource", null, null, null, "Course")],
            [new ContentActivity("i", Day(-3), 1, null)],
            [new ContentSubmission("a", "c", null, Day(-2), 72.5)],
            [Day(-3), Day(-2)]);

        var payload = ContentEffectivenessCalculator.Compute(AsOf, inputs, new ContentEffectivenessFilter(), Settings);

        Assert.Multiple(() =>
        {
            Assert.That(payload.OverallEffectiveness, Is.EqualTo(0.725));
            Assert.That(payload.ContentTypes.Single().Effectiveness, Is.EqualTo(0.725));
            Assert.That(payload.ContentTypes.Single().EngagementScore, Is.EqualTo(0.5));
            Assert.That(payload.TopPerformingContent, Is.Empty);
            Assert.That(payload.UnderperformingContent, Is.Empty);
        });
    }

    [Test]
    public void Compute_ContentOpenedAfterTheFirstSubmission_DoesNotCount()
    {
        var inputs = new ContentEffectivenessInputs(
            [new ContentEnrolment("c", Day(-10), null)],
            [new ContentItem("i", "c", null, null, "video", null, null, null, "Course")],
            [new ContentActivity("i", Day(-1), 1, null)],
            [new ContentSubmission("a", "c", null, Day(-2), 50), new ContentSubmission("a", "c", null, Day(-1), 90)],
            [Day(-2), Day(-1)]);

        var payload = ContentEffectivenessCalculator.Compute(AsOf, inputs, new ContentEffectivenessFilter(), Settings);

        Assert.Multiple(() =>
        {
            Assert.That(payload.OverallEffectiveness, Is.Null);
            Assert.That(payload.ContentTypes.Single().Effectiveness, Is.Null);
            Assert.That(payload.ContentTypes.Single().CompletedContent, Is.EqualTo(1));
            Assert.That(payload.DataStatus, Is.EqualTo(DataStatuses.Ok));
        });
    }

    [Test]
    public void Compute_ContentOpenedOnTheDayOfTheFirstSubmission_Counts()
    {
        // activity_days has no time of day, so an item opened on the day of the first submission is taken as opened before it.
        var inputs = new ContentEffectivenessInputs(
            [new ContentEnrolment("c", Day(-10), null)],
            [new ContentItem("i", "c", null, null, "video", null, null, null, "Course")],
            [new ContentActivity("i", Day(-2), 1, null)],
            [new ContentSubmission("a", "c", null, Day(-2), 64)],
            [Day(-2)]);

        var payload = ContentEffectivenessCalculator.Compute(AsOf, inputs, new ContentEffectivenessFilter(), Settings);

        Assert.That(payload.OverallEffectiveness, Is.EqualTo(0.64));
    }

    [Test]
    public void Compute_TwoCourses_PairsContentOnlyWithinItsCourseAndCourseIdNarrowsTheScope()
    {
        // A self-paced course (no start date) counts from enrolment.
        var inputs = new ContentEffectivenessInputs(
            [new ContentEnrolment("c1", Day(-60), Day(-60)), new ContentEnrolment("c2", Day(-30), null)],
            [
                new ContentItem("x1", "c1", null, null, "video", null, null, null, "One"),
                new ContentItem("x2", "c2", null, null, "article", null, null, null, "Two"),
            ],
            [new ContentActivity("x1", Day(-20), 1, null), new ContentActivity("x2", Day(-20), 1, null)],
            [new ContentSubmission("a1", "c1", null, Day(-10), 40), new ContentSubmission("a2", "c2", null, Day(-10), 100)],
            [Day(-20), Day(-10)]);

        var both = ContentEffectivenessCalculator.Compute(AsOf, inputs, new ContentEffectivenessFilter(), Settings);
        var second = ContentEffectivenessCalculator.Compute(AsOf, inputs, new ContentEffectivenessFilter(CourseId: "c2"), Settings);

        Assert.Multiple(() =>
        {
            Assert.That(both.ContentTypes.Select(t => (t.Id, t.Effectiveness)), Is.EqualTo(new[] { ("type-video", (double?)0.4), ("type-article", (double?)1.0) }));
            Assert.That(both.OverallEffectiveness, Is.EqualTo(0.7));
            Assert.That(both.TopPerformingContent.Select(i => i.Id), Is.EqualTo(new[] { "x2" }));
            Assert.That(both.UnderperformingContent.Select(i => i.Id), Is.EqualTo(new[] { "x1" }));
            Assert.That(second.ContentTypes.Select(t => t.Id), Is.EqualTo(new[] { "type-article" }));
            Assert.That(second.OverallEffectiveness, Is.EqualTo(1));
        });
    }

    [Test]
    public void Compute_EnrolmentStartingAfterAsOf_IsOutOfScope()
    {
        var inputs = new ContentEffectivenessInputs(
            [new ContentEnrolment("c", Day(5), null)],
            [new ContentItem("i", "c", null, null, "video", null, null, null, "Course")],
            [],
            [],
            []);

        var payload = ContentEffectivenessCalculator.Compute(AsOf, inputs, new ContentEffectivenessFilter(), Settings);

        Assert.That(payload.DataStatus, Is.EqualTo(DataStatuses.NoData));
    }

    [Test]
    public void Compute_LowCompletionOfThreeOrMoreItems_RecommendsOpeningThem()
    {
        var inputs = new ContentEffectivenessInputs(
            [new ContentEnrolment("c", Day(-10), null)],
            Enumerable.Range(1, 4).Select(i => new ContentItem($"i{i}", "c", null, null, "article", null, null, null, "Course")).ToArray(),
            [],
            [],
            []);

        var payload = ContentEffectivenessCalculator.Compute(AsOf, inputs, new ContentEffectivenessFilter(), Settings);

        Assert.Multiple(() =>
        {
            Assert.That(payload.Recommendations, Is.EqualTo(new[] { new ContentRecommendation("article", "medium", "Only 0 of 4 article items completed; open them.") }));
            Assert.That(payload.ContentTypes.Single().EngagementScore, Is.Null, "no active day in the last 30");
            Assert.That(payload.ContentTypes.Single().LastAccessed, Is.Null);
        });
    }
}
