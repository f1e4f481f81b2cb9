using Analytics.Api.Features.TrainerAnalytics.Shared;

namespace Analytics.Tests.Features.TrainerAnalytics.CourseHealth;

/// <summary>Course health of ANALYTICS.md §2.2 and its worked example G9 (§8), plus renormalisation and privacy.</summary>
public sealed class CourseHealthCalculatorTests
{
    private static readonly CourseHealthSettings Settings = new();
    private static readonly CohortSettings Cohort = new();
    private static readonly DateOnly AsOf = new(2025, 3, 14);
    private static readonly TrainerCourse Course = new("c-1", "Course One", 30);

    /// <summary>G9's course: 50 enrolments; 15 completed and 10 withdrawn (completion 60 %, drop-off 20 %); pass 85 of 100 pairs.</summary>
    private static CourseOutcome G9Outcome(int ratings = 12, int ratingSum = 50) =>
        CourseOutcome.Empty("c-1", AsOf) with
        {
            Enrollments = 50,
            ActiveEnrolments = 25,
            ActiveStudents = 20,
            Completed = 15,
            Withdrawn = 10,
            ScoredLearners = 40,
            Pairs = 100,
            PassedPairs = 85,
            Ratings = ratings,
            Raters = ratings,
            RatingSum = ratingSum,
        };

    [Test]
    public void Score_G9_Gives78AtRisk()
    {
        // completion 60 vs target 75 → 80; median engagement 70; mean rating 4.2 → 80; pass 85 %; drop-off 20 % → 80.
        var score = CourseHealthCalculator.Score(new HealthComponents(80, 70, 80, 85, 80), Settings);

        Assert.Multiple(() =>
        {
            Assert.That(score.Value, Is.EqualTo(78.25));
            Assert.That(score.Score, Is.EqualTo(78));
            Assert.That(score.Label, Is.EqualTo("at_risk"));
            Assert.That(score.ComponentsUsed, Is.EqualTo(new[] { "completion", "engagement", "satisfaction", "performance", "retention" }));
        });
    }

    [Test]
    public void Components_G9Inputs_GiveTheWorkedComponents()
    {
        // 12 reviews averaging 4.2 sum to 50.4, which integer ratings cannot reach: 10 reviews summing 42 have the same mean.
        var engagements = new[] { 40, 50, 60, 65, 70, 70, 75, 80, 85, 90 };

        var components = CourseHealthCalculator.Components(G9Outcome(ratings: 10, ratingSum: 42), engagements, minGroupSize: 10, providesFeedback: true, Settings);

        Assert.Multiple(() =>
        {
            Assert.That(components.Completion, Is.EqualTo(80).Within(1e-9));
            Assert.That(components.Engagement, Is.EqualTo(70));
            Assert.That(components.Satisfaction, Is.EqualTo(80).Within(1e-9));
            Assert.That(components.Performance, Is.EqualTo(85));
            Assert.That(components.Retention, Is.EqualTo(80));
            Assert.That(CourseHealthCalculator.Score(components, Settings).Score, Is.EqualTo(78));
        });
    }

    [Test]
    public void Score_WithMissingComponents_RenormalisesTheRemainingWeights()
    {
        // Only completion (0.30 · 80) and retention (0.10 · 40): 28 / 0.40 = 70.
        var score = CourseHealthCalculator.Score(new HealthComponents(80, null, null, null, 40), Settings);

        Assert.Multiple(() =>
        {
            Assert.That(score.Score, Is.EqualTo(70));
            Assert.That(score.ComponentsUsed, Is.EqualTo(new[] { "completion", "retention" }));
        });
    }

    [TestCase(80, "healthy")]
    [TestCase(79.999, "at_risk")]
    [TestCase(60, "at_risk")]
    [TestCase(59.5, "unhealthy")]
    public void Score_LabelsTheUnroundedValue(double retention, string label)
    {
        Assert.That(CourseHealthCalculator.Score(new HealthComponents(null, null, null, null, retention), Settings).Label, Is.EqualTo(label));
    }

    [Test]
    public void Components_BelowKRatersOrActiveLearners_DropsThoseComponents()
    {
        var components = CourseHealthCalculator.Components(G9Outcome(ratings: 9, ratingSum: 40), [70, 70, 70], minGroupSize: 10, providesFeedback: true, Settings);

        Assert.Multiple(() =>
        {
            Assert.That(components.Satisfaction, Is.Null);
            Assert.That(components.Engagement, Is.Null);
            Assert.That(components.Completion, Is.Not.Null);
        });
    }

    [Test]
    public void Components_WhenTheSourcesSupplyNoFeedback_DropsSatisfaction()
    {
        var components = CourseHealthCalculator.Components(G9Outcome(), [], minGroupSize: 10, providesFeedback: false, Settings);

        Assert.That(components.Satisfaction, Is.Null);
    }

    [Test]
    public void Compute_WithFewerThanKEnrolments_ReturnsTheSuppressedShape()
    {
        var outcome = G9Outcome() with { Enrollments = 9 };

        var result = CourseHealthCalculator.Compute(new CourseHealthInput(Course, outcome, [], [], 10, true, AsOf), Settings, Cohort);

        Assert.Multiple(() =>
        {
            Assert.That(result.Payload.Suppressed, Is.True);
            Assert.That(result.Payload.HealthScore, Is.Null);
            Assert.That(result.Payload.Metrics.Enrollments, Is.EqualTo(new CourseEnrollments(null, null)));
            Assert.That(result.Payload.DropOffAnalysis.DropOffPoints, Is.Empty);
            Assert.That(result.Payload.Recommendations, Is.Empty);
            Assert.That(result.Suppression?.Reason, Is.EqualTo("GROUP_TOO_SMALL"));
            Assert.That(result.Suppression?.SuppressedSegments, Is.EqualTo(0));
        });
    }

    [Test]
    public void Compute_TopicsBelowK_AreLeftOutAndCountedAsSegments()
    {
        CourseTopic[] topics =
        [
            new("c-1", "t1", "Basics", 0, 20, 5, 10, 600, 600, 20, 55, 40, 1.25, 70),
            new("c-1", "t2", "Advanced", 1, 6, 3, 10, 600, 600, 6, 50, 30, 1, 70),
        ];

        var result = CourseHealthCalculator.Compute(new CourseHealthInput(Course, G9Outcome(), [], topics, 10, true, AsOf), Settings, Cohort);

        var payload = result.Payload;
        Assert.Multiple(() =>
        {
            Assert.That(payload.DropOffAnalysis.DropOffPoints.Select(p => p.ModuleName), Is.EqualTo(new[] { "Basics" }));
            Assert.That(payload.DropOffAnalysis.DropOffPoints[0].DropOffRate, Is.EqualTo(25));
            Assert.That(payload.DropOffAnalysis.DropOffPoints[0].Priority, Is.EqualTo("high"));
            Assert.That(payload.DropOffAnalysis.DropOffPoints[0].LikelyReasons, Has.Count.EqualTo(1), "mean score 55 is below the threshold 70");
            Assert.That(payload.ContentPerformance.StrugglingTopics, Is.EqualTo(new[] { new TopicPerformance("Basics", 55, 40, 1.3, null) }));
            Assert.That(payload.Recommendations.Select(r => (r.Type, r.Priority)),
                Is.EqualTo(new[] { ("content_improvement", "high"), ("pacing", "high") }));
            Assert.That(result.SuppressedSegments, Is.EqualTo(2), "t2 is below k as a reached topic and as a scored topic");
            Assert.That(result.Suppression?.Reason, Is.EqualTo("SEGMENTS_TOO_SMALL"));
        });
    }
}
