using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Features.Predictive.Recommendations;

namespace Analytics.Tests.Features.Predictive.Recommendations;

/// <summary>
/// The learner rules R1–R7 of ANALYTICS.md §5.3 on hand-made inputs (each fires on its condition and not otherwise), the merge
/// of duplicates, the order, `limit`-free helpers, the feed score bands and the summary rates.
/// </summary>
public sealed class RecommendationsCalculatorTests
{
    private static readonly DateOnly AsOf = new(2025, 3, 14);

    private static readonly RecommendationsSettings Settings = new(10, null, 3.5, 20, 80, 50);

    [Test]
    public void R1_TopThreeGapsWithGap_BecomeTopicCourseOrSkillItemsWithPriorityFromTheScore()
    {
        var input = Empty() with
        {
            SkillGap = SkillGap(
                Skill("s-a", "Alpha", gap: 2, priority: 85),
                Skill("s-b", "Beta", gap: 1, priority: 65),
                Skill("s-c", "Gamma", gap: 1, priority: 40),
                Skill("s-d", "Delta", gap: 1, priority: 30),
                Skill("s-z", "Zero", gap: 0, priority: 99)),
            SkillTeaching =
            [
                new SkillTeachingRow("s-a", "t-1", "Topic 1", "Course 1", "c-1", "Course 1", 600),
                new SkillTeachingRow("s-b", null, null, null, "c-2", "Course 2", 1200),
                new SkillTeachingRow("s-c", null, null, null, null, null, null),
            ],
            Remaining = [new RemainingRow("topic", "t-1", 2700)],
        };

        var r1 = RecommendationsCalculator.LearnerCandidates(input);

        Assert.Multiple(() =>
        {
            Assert.That(r1.Select(c => c.Id), Is.EqualTo(new[] { "topic-t-1", "course-c-2", "skill-s-c" }), "the top 3 with gap > 0 only");
            Assert.That(r1.Select(c => c.Priority), Is.EqualTo(new[] { "High", "Medium", "Low" }));
            Assert.That(r1.Select(c => c.Confidence), Is.EqualTo(new double?[] { 85, 65, 40 }));
            Assert.That(r1.All(c => c.Category == "Learning" && c.SourceAnalytic == "skill-gap" && c.Provider == "rules"), Is.True);
            Assert.That(r1[0].Title, Is.EqualTo("Close your gap in Alpha"));
            Assert.That(RecommendationsCalculator.Duration(r1[0].Seconds), Is.EqualTo("45 min"));
        });
    }

    [Test]
    public void R2_OverdueIsHighAndUpcomingMedium_NothingWithoutDueAssessments()
    {
        var input = Empty() with
        {
            DueAssessments =
            [
                new DueAssessmentRow("a-1", "Assignment – Topic 1", "Course 1", AsOf.AddDays(-3)),
                new DueAssessmentRow("a-2", "Quiz 2", "Course 1", AsOf.AddDays(3)),
            ],
        };

        var r2 = RecommendationsCalculator.LearnerCandidates(input);

        Assert.Multiple(() =>
        {
            Assert.That(r2.Select(c => (c.Id, c.Priority, c.Confidence)), Is.EqualTo(new[] { ("assessment-a-1", "High", (double?)90), ("assessment-a-2", "Medium", (double?)90) }));
            Assert.That(r2[0].Title, Is.EqualTo("Submit Assignment – Topic 1"));
            Assert.That(r2.All(c => c.Category == "Assessment" && c.SourceAnalytic == "performance"), Is.True);
            Assert.That(RecommendationsCalculator.LearnerCandidates(Empty()), Is.Empty);
        });
    }

    [Test]
    public void R3_WeakTopic_IsAPracticeItemWhenTheTopicHasOneElseTheTopic()
    {
        var input = Empty() with
        {
            WeakTopics =
            [
                new WeakTopicRow("t-1", "Loops", "Course 1", 50, 70, HasPractice: true),
                new WeakTopicRow("t-2", "Types", "Course 1", 60, 70, HasPractice: false),
            ],
        };

        var r3 = RecommendationsCalculator.LearnerCandidates(input);

        Assert.Multiple(() =>
        {
            Assert.That(r3.Select(c => c.Id), Is.EqualTo(new[] { "practice-t-1", "topic-t-2" }));
            Assert.That(r3.All(c => c.Priority == "High" && c.Confidence == 75 && c.Category == "Practice" && c.SourceAnalytic == "performance"), Is.True);
            Assert.That(r3[0].Title, Is.EqualTo("Review Loops and practise"));
        });
    }

    [Test]
    public void R4_OnlyCe1AndCe2TypesWithUnopenedItems_BecomeItems()
    {
        var input = Empty() with
        {
            ContentEffectiveness = Content(
                new ContentRecommendation("video", "medium", "Only 0 of 3 video items completed; open them."),
                new ContentRecommendation("article", "high", "Scores are higher after article content; 2 of 2 unopened."),
                new ContentRecommendation("quiz", "low", "Scores after quiz content are low (40 %); pair it with practice."),
                new ContentRecommendation("forum", "medium", "Only 0 of 4 forum items completed; open them.")),
            UnopenedTypes =
            [
                new UnopenedTypeRow("video", "t-4", "Topic 4", "c-1", "Course 1", 3),
                new UnopenedTypeRow("article", null, null, "c-1", "Course 1", 2),
                new UnopenedTypeRow("quiz", "t-1", "Topic 1", "c-1", "Course 1", 1),
            ],
        };

        var r4 = RecommendationsCalculator.LearnerCandidates(input);

        Assert.Multiple(() =>
        {
            Assert.That(r4.Select(c => c.Id), Is.EqualTo(new[] { "topic-t-4", "course-c-1" }), "CE3 (low) and a type with nothing unopened give none");
            Assert.That(r4[0].Title, Is.EqualTo("Try the video items of Topic 4"));
            Assert.That(r4.All(c => c.Priority == "Medium" && c.Confidence == 60 && c.SourceAnalytic == "content-effectiveness"), Is.True);
        });
    }

    [Test]
    public void R5_FiresAfterSevenDaysWithoutProgressWithAnActiveEnrolment_NotOtherwise()
    {
        ActiveCourseRow[] courses = [new("c-1", "Course 1", AsOf.AddDays(-20)), new("c-2", "Course 2", AsOf.AddDays(-9))];
        var idle = Empty() with { ActiveCourses = courses, LastProgressOn = AsOf.AddDays(-7) };
        var recent = Empty() with { ActiveCourses = courses, LastProgressOn = AsOf.AddDays(-6) };
        var noEnrolment = Empty() with { LastProgressOn = AsOf.AddDays(-30) };

        var r5 = RecommendationsCalculator.LearnerCandidates(idle);

        Assert.Multiple(() =>
        {
            Assert.That(r5.Select(c => (c.Id, c.Priority, c.Confidence, c.Category, c.SourceAnalytic)),
                Is.EqualTo(new[] { ("course-c-2", "High", (double?)85, "Engagement", "engagement") }), "the course last worked on");
            Assert.That(r5[0].Title, Is.EqualTo("Resume Course 2"));
            Assert.That(RecommendationsCalculator.LearnerCandidates(recent), Is.Empty);
            Assert.That(RecommendationsCalculator.LearnerCandidates(noEnrolment), Is.Empty);
        });
    }

    [Test]
    public void R6_FiresUnderVelocity50WithCeilingOfThePace_NotAt50()
    {
        var slow = Empty() with { Velocity = Velocity(49, 1.2) };
        var fast = Empty() with { Velocity = Velocity(50, 1.2) };

        var r6 = RecommendationsCalculator.LearnerCandidates(slow);

        Assert.Multiple(() =>
        {
            Assert.That(r6.Select(c => (c.Id, c.Title, c.Priority, c.Confidence, c.SourceAnalytic)),
                Is.EqualTo(new[] { ("plan-pace-2", "Plan 2 units this week", "Medium", (double?)60, "velocity") }));
            Assert.That(RecommendationsCalculator.LearnerCandidates(fast), Is.Empty);
            Assert.That(RecommendationsCalculator.LearnerCandidates(Empty() with { Velocity = Velocity(null, 0.5) }), Is.Empty);
        });
    }

    [Test]
    public void R7_LearnerAiRows_TakePriorityAndConfidenceFromTheScore()
    {
        var input = Empty() with
        {
            LearnerAi =
            [
                new LearnerAiRow("course", "c-9", "Popular with colleagues", 0.8, "Course 9", null),
                new LearnerAiRow("practice", "t-3", "Practise what you learned", 0.5, "Practise Topic 3", 300),
                new LearnerAiRow("assessment", "a-9", "Next assessment", 0.4999, "Quiz 9", null),
            ],
        };

        var r7 = RecommendationsCalculator.LearnerCandidates(input);

        Assert.Multiple(() =>
        {
            Assert.That(r7.Select(c => (c.Id, c.Priority, c.Confidence, c.Category)), Is.EqualTo(new[]
            {
                ("course-c-9", "High", (double?)80, "Learning"), ("practice-t-3", "Medium", (double?)50, "Practice"), ("assessment-a-9", "Low", (double?)50, "Assessment"),
            }));
            Assert.That(r7.All(c => c.SourceAnalytic == "learner-ai" && c.Provider == "learner-ai"), Is.True);
            Assert.That(r7[0].Title, Is.EqualTo("Course 9"));
        });
    }

    [Test]
    public void Merge_DuplicateItem_KeepsTheHigherPriorityAndMergesReasons()
    {
        var low = Candidate("topic", "t-1", "Low", 70, "rules reason", "rules");
        var medium = Candidate("topic", "t-1", "Medium", 55, "ai reason", "learner-ai");

        var merged = RecommendationsCalculator.Merge([low, medium]);

        Assert.Multiple(() =>
        {
            Assert.That(merged, Has.Count.EqualTo(1));
            Assert.That(merged[0].Lead.Priority, Is.EqualTo("Medium"));
            Assert.That(merged[0].Lead.Provider, Is.EqualTo("learner-ai"));
            Assert.That(merged[0].Reason, Is.EqualTo("ai reason; rules reason"));
            Assert.That(merged[0].LeadRule, Is.SameAs(low), "the rules part is still issued to the feed");
            Assert.That(merged[0].RuleReasons, Is.EqualTo("rules reason"));
        });
    }

    [Test]
    public void Merge_OrdersByPriorityThenConfidenceDescThenId()
    {
        var merged = RecommendationsCalculator.Merge(
        [
            Candidate("topic", "b", "Medium", 90, "r", "rules"),
            Candidate("topic", "c", "High", 75, "r", "rules"),
            Candidate("topic", "a", "Medium", 90, "r", "rules"),
            Candidate("topic", "d", "High", 85, "r", "rules"),
            Candidate("topic", "e", "Low", 99, "r", "rules"),
        ]);

        Assert.That(merged.Select(m => m.Lead.Id), Is.EqualTo(new[] { "topic-d", "topic-c", "topic-a", "topic-b", "topic-e" }));
    }

    [Test]
    public void Item_HasExpectedImpactEqualToPriorityNullDifficultyAndAResourceUrlFromTheTemplate()
    {
        var merged = RecommendationsCalculator.Merge([Candidate("topic", "t 1", "High", 75, "r", "rules") with { Seconds = 5400 }])[0];

        var item = RecommendationsCalculator.Item(merged, Settings with { ItemUrlTemplate = "https://app.example/{itemType}/{itemId}" });
        var noUrl = RecommendationsCalculator.Item(merged, Settings);

        Assert.Multiple(() =>
        {
            Assert.That(item.ExpectedImpact, Is.EqualTo("High"));
            Assert.That(item.Difficulty, Is.Null);
            Assert.That(item.TimeToComplete, Is.EqualTo("1 h 30 min"));
            Assert.That(item.Resources.Single().Url, Is.EqualTo("https://app.example/topic/t%201"));
            Assert.That(noUrl.Resources.Single().Url, Is.Null);
            Assert.That(RecommendationsCalculator.Duration(null), Is.Null);
            Assert.That(RecommendationsCalculator.Duration(7200), Is.EqualTo("2 h"));
        });
    }

    [TestCase("High", 85, 0.85)]
    [TestCase("High", 57, 0.8)]
    [TestCase("Medium", 90, 0.7999)]
    [TestCase("Medium", 60, 0.6)]
    [TestCase("Low", 57, 0.4999)]
    [TestCase("Low", 40, 0.4)]
    public void FeedScore_StaysInThePriorityBandOfR7(string priority, double confidence, double expected)
    {
        var score = RecommendationsCalculator.FeedScore(priority, confidence);

        Assert.Multiple(() =>
        {
            Assert.That((double)score, Is.EqualTo(expected));
            Assert.That(RecommendationsCalculator.PriorityOfScore((double)score), Is.EqualTo(priority));
        });
    }

    [Test]
    public void Summary_CountsAndRatesOverTheIssuedItems()
    {
        FeedOutcomeRow[] rows =
        [
            new(AsOf.AddDays(-20), 0.9, Acted: true, Completed: true),
            new(AsOf.AddDays(-20), 0.6, Acted: true, Completed: false),
            new(AsOf.AddDays(-3), 0.3, Acted: false, Completed: false),
            new(AsOf.AddDays(-40), 0.85, Acted: true, Completed: true),
        ];

        var summary = RecommendationsCalculator.Summary(rows, AsOf);
        var empty = RecommendationsCalculator.Summary([], AsOf);

        Assert.Multiple(() =>
        {
            Assert.That(summary.TotalRecommendations, Is.EqualTo(4));
            Assert.That(summary.HighPriorityCount, Is.EqualTo(2));
            Assert.That(summary.CompletedCount, Is.EqualTo(2));
            Assert.That(summary.CompletionRate, Is.EqualTo(50.0));
            Assert.That(summary.SuccessRate, Is.EqualTo(66.7));
            Assert.That(summary.ProgressTracking.ThisWeek, Is.EqualTo(0.0));
            Assert.That(summary.ProgressTracking.ThisMonth, Is.EqualTo(33.3));
            Assert.That(summary.ProgressTracking.Overall, Is.EqualTo(50.0));
            Assert.That(empty.TotalRecommendations, Is.EqualTo(0));
            Assert.That(empty.CompletionRate, Is.Null, "no base: null, never 0");
            Assert.That(empty.SuccessRate, Is.Null);
        });
    }

    [Test]
    public void Categories_CountThePublishedItemsInTheFixedOrderWithoutZeros()
    {
        var items = RecommendationsCalculator.Merge(
            [Candidate("assessment", "a", "High", 90, "r", "rules") with { Category = "Assessment" }, Candidate("topic", "t", "Low", 1, "r", "rules")])
            .Select(m => RecommendationsCalculator.Item(m, Settings))
            .ToArray();

        var categories = RecommendationsCalculator.Categories(items);

        Assert.That(categories.Select(c => (c.Name, c.Count)), Is.EqualTo(new[] { ("Learning", 1), ("Assessment", 1) }));
    }

    [Test]
    public void Insights_PatternNeedsFourActiveWeeks_GapAndMomentumFromTheSnapshots()
    {
        WeekdayRow[] days = [new(1, 10), new(3, 30), new(5, 10)];
        var input = Empty() with
        {
            Weekdays = days,
            ActiveWeeks = 4,
            SkillGap = SkillGap(Skill("s-a", "Alpha", gap: 1, priority: 90), Skill("s-b", "Beta", gap: 3, priority: 50)),
            Velocity = Velocity(40, 1) with { Momentum = "slowing" },
        };

        var insights = RecommendationsCalculator.LearnerInsights(input);
        var threeWeeks = RecommendationsCalculator.LearnerInsights(input with { ActiveWeeks = 3 });

        Assert.Multiple(() =>
        {
            Assert.That(insights.Select(i => i.Type), Is.EqualTo(new[] { "Pattern", "Gap", "Momentum" }));
            Assert.That(insights[0].Title, Is.EqualTo("Most active on Wednesdays"));
            Assert.That(insights[0].Confidence, Is.EqualTo(60.0));
            Assert.That(insights[1].Title, Is.EqualTo("Largest gap: Beta"));
            Assert.That(insights[2].Impact, Is.EqualTo("High"));
            Assert.That(threeWeeks.Select(i => i.Type), Is.EqualTo(new[] { "Gap", "Momentum" }));
        });
    }

    [Test]
    public void TrainerRules_FireOnTheirConditionsAndRespectK()
    {
        var input = new TrainerCohortInput(
            10,
            [
                new StrugglingTopicRow("t-1", "Loops", "C1", 10, 65, 40, 70),
                new StrugglingTopicRow("t-2", "Types", "C1", 10, 85, 95, 70),
                new StrugglingTopicRow("t-3", "Small", "C1", 9, 10, 0, 70),
            ],
            [
                new CohortRiskRow("c-1", "C1", "u1", 30, "slowing", Progressed: true),
                new CohortRiskRow("c-1", "C1", "u2", 80, "steady", Progressed: true),
                new CohortRiskRow("c-2", "C2", "u3", 60, "slowing", Progressed: true),
            ],
            [new DropOffTopicRow("t-4", "Arrays", "C1", 10, 2), new DropOffTopicRow("t-5", "Maps", "C1", 10, 1)],
            [new CourseRatingRow("c-1", "C1", 10, 3.2), new CourseRatingRow("c-2", "C2", 10, 4.1), new CourseRatingRow("c-3", "C3", 9, 1.0)],
            [],
            new CohortActivityRow(0, 0));

        var ids = CohortRecommendationsCalculator.TrainerCandidates(input, Settings).Select(c => c.Id).ToArray();

        Assert.That(ids, Is.EqualTo(new[] { "topic-t-1", "at-risk-c-1", "drop-off-t-4", "ratings-c-1" }),
            "struggling t-1 (not t-2, not t-3 below k), at-risk in c-1 only (70 vs 30), drop-off 20 % at t-4 (not 10 %), rating 3.2 of c-1");
    }

    private static LearnerRecommendationInput Empty() =>
        new(AsOf, null, null, null, [], AsOf, [], [], [], [], [], [], [], 0);

    private static SkillGapSkill Skill(string id, string name, int gap, int priority) =>
        new(id, name, "Cat", 3 - gap, 3, gap, priority, gap >= 2, 50, null, 0, 5);

    private static SkillGapPayload SkillGap(params SkillGapSkill[] skills) => new()
    {
        DefinitionVersion = "skill-gap@1.0",
        Skills = skills,
        Categories = ["Cat"],
        Summary = new SkillGapSummary(skills.Length, 0, 0, 0),
    };

    private static VelocityPayload Velocity(int? current, double pace) => new()
    {
        DefinitionVersion = "velocity@1.0",
        CurrentVelocity = current,
        Momentum = "steady",
        TimeWindows = new Dictionary<string, VelocityWindow?>(),
        VelocityHistory = [],
        UnitsPerWeek = new Dictionary<string, double?>(),
        TargetUnitsPerWeek = pace,
    };

    private static ContentEffectivenessPayload Content(params ContentRecommendation[] recommendations) => new()
    {
        DefinitionVersion = "content-effectiveness@1.0",
        ContentTypes = [],
        EffectivenessHistory = [],
        TopPerformingContent = [],
        UnderperformingContent = [],
        Recommendations = recommendations,
    };

    private static RecommendationCandidate Candidate(string type, string id, string priority, double confidence, string reason, string provider) =>
        new(type, id, id, id, "Learning", priority, confidence, reason, provider == "rules" ? "skill-gap" : "learner-ai", provider, null, id);
}
