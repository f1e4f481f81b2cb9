using Analytics.Api.Features.LearnerAnalytics.Performance;
using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Tests.Features.LearnerAnalytics.Performance;

/// <summary>ANALYTICS.md §8 G5 and the edge cases of §1.5, on the pure computation.</summary>
public sealed class PerformanceCalculatorTests
{
    private static readonly DateOnly AsOf = new(2025, 3, 14);
    private static readonly PerformanceSettings Settings = new();

    private static PerformanceSubmission Submission(
        string assessment,
        double? score,
        int daysAgo,
        double weight = 10,
        int attempt = 1,
        bool banked = false,
        double threshold = 70,
        string? title = null,
        string? topic = null) =>
        new($"{assessment}-{attempt}", assessment, title, "quiz", weight, threshold, topic, "Course One", "backend",
            AsOf.AddDays(-daysAgo), attempt, score, 600, banked);

    /// <summary>G5: 55, 60, 70, 72, 80 in that order on five assessments weighted 10, 20, 20, 20, 30, threshold 70.</summary>
    private static PerformanceSubmission[] G5() =>
    [
        Submission("a1", 55, 40, weight: 10),
        Submission("a2", 60, 30, weight: 20),
        Submission("a3", 70, 20, weight: 20),
        Submission("a4", 72, 10, weight: 20),
        Submission("a5", 80, 2, weight: 30),
    ];

    [Test]
    public void Compute_G5_MatchesTheWorkedExample()
    {
        var payload = PerformanceCalculator.Compute(AsOf, G5(), [], Settings);

        Assert.Multiple(() =>
        {
            Assert.That(payload.OverallScore, Is.EqualTo(0.699));
            Assert.That(PerformanceCalculator.Slope([55, 60, 70, 72, 80]), Is.EqualTo(6.2).Within(1e-9));
            Assert.That(payload.Trend, Is.EqualTo("improving"));
            Assert.That(payload.PassRate, Is.EqualTo(60));
            Assert.That(payload.ProjectedNextScore, Is.EqualTo(79));
            Assert.That(payload.Grade, Is.EqualTo("D"));
            Assert.That(payload.DataStatus, Is.EqualTo(DataStatuses.Ok));
            Assert.That(payload.DefinitionVersion, Is.EqualTo("performance@1.0"));
            Assert.That(payload.AsOf, Is.EqualTo(AsOf));
            Assert.That(payload.NotAvailable, Is.EquivalentTo(new[]
            {
                "assessmentResults[].correctAnswers", "assessmentResults[].questions", "assessmentResults[].difficulty",
            }));
        });
    }

    [Test]
    public void Compute_G5_ListsTheAttemptsNewestFirstWithTitlesAndRatios()
    {
        var payload = PerformanceCalculator.Compute(AsOf, G5(), [], Settings);

        Assert.Multiple(() =>
        {
            Assert.That(payload.AssessmentResults.Select(r => r.Score), Is.EqualTo(new double?[] { 0.8, 0.72, 0.7, 0.6, 0.55 }));
            Assert.That(payload.AssessmentResults[0], Is.EqualTo(new PerformanceAssessmentResult(
                "a5-1", "Quiz – Course One", 0.8, null, null, 10, null, "backend", AsOf.AddDays(-2))));
        });
    }

    [Test]
    public void Compute_G5_HistoryAveragesEachNonEmptyWeek()
    {
        var scores = G5().Append(Submission("a6", 90, 3)).ToArray();

        var payload = PerformanceCalculator.Compute(AsOf, scores, [], Settings);

        // Blocks end at asOf − 7i: −40 falls in the block ending −35 (−41…−35), −30 in −28, −20 in −14, −10 in −7; −2 and −3 in 0.
        Assert.That(payload.PerformanceHistory, Is.EqualTo(new[]
        {
            new PerformancePoint(AsOf.AddDays(-35), 0.55),
            new PerformancePoint(AsOf.AddDays(-28), 0.6),
            new PerformancePoint(AsOf.AddDays(-14), 0.7),
            new PerformancePoint(AsOf.AddDays(-7), 0.72),
            new PerformancePoint(AsOf, 0.85),
        }));
    }

    [Test]
    public void Compute_RetakesAndBankedResults_BestScoreCountsBankedButTheSeriesDoesNot()
    {
        PerformanceSubmission[] submissions =
        [
            Submission("a1", 50, 20, attempt: 1),
            Submission("a1", 75, 10, attempt: 2),
            Submission("a2", 90, 60, banked: true),
            Submission("a3", null, 1),
        ];

        var payload = PerformanceCalculator.Compute(AsOf, submissions, [], Settings);

        Assert.Multiple(() =>
        {
            // Best scores 75 and 90 (banked), equal weights → 82.5; both passed.
            Assert.That(payload.OverallScore, Is.EqualTo(0.825));
            Assert.That(payload.PassRate, Is.EqualTo(100));
            Assert.That(payload.Grade, Is.EqualTo("B"));
            // Series: 50 then 75 (the banked 90 and the unscored attempt are not scores) → fewer than 3: stable, projection = last.
            Assert.That(payload.Trend, Is.EqualTo("stable"));
            Assert.That(payload.ProjectedNextScore, Is.EqualTo(75));
            Assert.That(payload.AssessmentResults.Select(r => r.Id), Is.EqualTo(new[] { "a3-1", "a1-2", "a1-1" }));
            Assert.That(payload.AssessmentResults[0].Score, Is.Null);
        });
    }

    [Test]
    public void Compute_SingleSubmission_IsStableWithTheScoreAsProjection()
    {
        var payload = PerformanceCalculator.Compute(AsOf, [Submission("a1", 64, 5, weight: 0)], [], Settings);

        Assert.Multiple(() =>
        {
            Assert.That(payload.OverallScore, Is.EqualTo(0.64));
            Assert.That(payload.Trend, Is.EqualTo("stable"));
            Assert.That(payload.ProjectedNextScore, Is.EqualTo(64));
            Assert.That(payload.PassRate, Is.EqualTo(0));
            Assert.That(payload.Grade, Is.EqualTo("D"));
            Assert.That(payload.PerformanceHistory, Has.Count.EqualTo(1));
            Assert.That(payload.Strengths, Is.Empty);
        });
    }

    [Test]
    public void Compute_DecliningScores_ProjectMinusFiveClampedAtZero()
    {
        PerformanceSubmission[] submissions = [Submission("a1", 12, 30), Submission("a2", 6, 20), Submission("a3", 0, 10)];

        var payload = PerformanceCalculator.Compute(AsOf, submissions, [], Settings);

        Assert.Multiple(() =>
        {
            Assert.That(payload.Trend, Is.EqualTo("declining"));
            Assert.That(payload.ProjectedNextScore, Is.EqualTo(1));
            Assert.That(payload.Grade, Is.EqualTo("F"));
        });
    }

    [Test]
    public void Compute_TrendUsesOnlyTheLast10Scores()
    {
        // Twelve scores: two early highs, then ten flat ones → the last ten are stable although the whole series falls.
        var submissions = new[] { 100.0, 100 }.Concat(Enumerable.Repeat(60.0, 10))
            .Select((score, i) => Submission($"a{i}", score, 60 - i))
            .ToArray();

        var payload = PerformanceCalculator.Compute(AsOf, submissions, [], Settings);

        Assert.Multiple(() =>
        {
            Assert.That(payload.Trend, Is.EqualTo("stable"));
            Assert.That(payload.AssessmentResults, Has.Count.EqualTo(10));
        });
    }

    [Test]
    public void Compute_SubmissionsAfterAsOf_AreIgnored()
    {
        var payload = PerformanceCalculator.Compute(AsOf, [Submission("a1", 90, -1)], [], Settings);

        Assert.Multiple(() =>
        {
            Assert.That(payload.DataStatus, Is.EqualTo(DataStatuses.NoData));
            Assert.That(payload.OverallScore, Is.Null);
        });
    }

    [Test]
    public void Compute_SkillsWithTwoOrMoreAssessments_AreSplitIntoStrengthsAndWeaknesses()
    {
        PerformanceSubmission[] submissions =
        [
            Submission("a1", 90, 50), Submission("a2", 80, 40), // sql: mean 85
            Submission("a3", 50, 30), Submission("a4", 66, 20), // css: mean 58 → high priority
            Submission("a5", 68, 15), Submission("a6", 64, 10), // git: mean 66 → medium
            Submission("a7", 99, 5), // docker: one assessment only → left out
        ];
        PerformanceAssessmentSkill[] skills =
        [
            new("a1", "s-sql", "SQL"), new("a2", "s-sql", "SQL"),
            new("a3", "s-css", "CSS"), new("a4", "s-css", "CSS"),
            new("a5", "s-git", "Git"), new("a6", "s-git", "Git"),
            new("a7", "s-docker", "Docker"),
            new("a9", "s-rust", "Rust"), new("a8", "s-rust", "Rust"), // assessments without a submission
        ];

        var payload = PerformanceCalculator.Compute(AsOf, submissions, skills, Settings);

        Assert.Multiple(() =>
        {
            Assert.That(payload.Strengths, Is.EqualTo(new[] { new PerformanceSkill("SQL", 0.85, "stable") }));
            Assert.That(payload.Weaknesses, Is.EqualTo(new[] { new PerformanceSkill("CSS", 0.58, "stable"), new PerformanceSkill("Git", 0.66, "stable") }));
            Assert.That(payload.ImprovementAreas, Is.EqualTo(new[]
            {
                new PerformanceImprovementArea("CSS", 0.58, 0.8, "high"),
                new PerformanceImprovementArea("Git", 0.66, 0.8, "medium"),
            }));
        });
    }

    [Test]
    public void Compute_SkillTrend_FollowsTheSlopeOfItsScores()
    {
        PerformanceSubmission[] submissions = [Submission("a1", 50, 30), Submission("a2", 60, 20), Submission("a2", 70, 10, attempt: 2)];
        PerformanceAssessmentSkill[] skills = [new("a1", "s", "Testing"), new("a2", "s", "Testing")];

        var payload = PerformanceCalculator.Compute(AsOf, submissions, skills, Settings);

        // Best scores 50 and 70 → mean 60 < 70: a weakness whose scores 50, 60, 70 rise by 10 per attempt.
        Assert.That(payload.Weaknesses, Is.EqualTo(new[] { new PerformanceSkill("Testing", 0.6, "increasing") }));
    }

    [Test]
    public void Compute_WithoutSubmissions_IsNoDataWithNullsAndEmptyLists()
    {
        var payload = PerformanceCalculator.Compute(AsOf, [], [], Settings);

        Assert.Multiple(() =>
        {
            Assert.That(payload.DataStatus, Is.EqualTo(DataStatuses.NoData));
            Assert.That(payload.OverallScore, Is.Null);
            Assert.That(payload.Trend, Is.Null);
            Assert.That(payload.PassRate, Is.Null);
            Assert.That(payload.ProjectedNextScore, Is.Null);
            Assert.That(payload.Grade, Is.Null);
            Assert.That(payload.AssessmentResults, Is.Empty);
            Assert.That(payload.PerformanceHistory, Is.Empty);
            Assert.That(payload.Strengths, Is.Empty);
            Assert.That(payload.Weaknesses, Is.Empty);
            Assert.That(payload.ImprovementAreas, Is.Empty);
        });
    }

    [TestCase(90, "A")]
    [TestCase(89.99, "B")]
    [TestCase(80, "B")]
    [TestCase(70, "C")]
    [TestCase(60, "D")]
    [TestCase(59.9, "F")]
    public void Compute_GradeBoundaries(double score, string grade)
    {
        var payload = PerformanceCalculator.Compute(AsOf, [Submission("a1", score, 1)], [], Settings);

        Assert.That(payload.Grade, Is.EqualTo(grade));
    }

    [Test]
    public void Compute_TitleFallsBackToKindAndTopicTitle()
    {
        var payload = PerformanceCalculator.Compute(AsOf, [Submission("a1", 70, 1, topic: "Joins"), Submission("a2", 70, 1, title: "Final project")], [], Settings);

        Assert.That(payload.AssessmentResults.Select(r => r.Title), Is.EquivalentTo(new[] { "Quiz – Joins", "Final project" }));
    }
}
