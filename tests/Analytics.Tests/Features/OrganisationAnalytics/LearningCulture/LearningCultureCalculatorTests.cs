using Analytics.Api.Features.OrganisationAnalytics.LearningCulture;
using Analytics.Api.Features.OrganisationAnalytics.Shared;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Tests.Features.OrganisationAnalytics.LearningCulture;

/// <summary>
/// Learning culture (ANALYTICS.md §3.3). §8 has no culture case, so the golden values are hand-computed worked examples:
/// A) 40 employees; 40 enrolments in 365 days, 30 voluntary → VP 75; 10 completions, 4 voluntary → VC 40; 1 contribution in 30
///    days → KSI 2.5 per 100 → KSIn 50; 8 employees mentored → ME 20; SA missing (§0.7).
///    maturity = (0.35·75 + 0.20·40 + 0.20·50 + 0.15·20) / 0.90 = 47.25 / 0.9 = 52.5 → 0.53 (half away from zero), grade F.
/// </summary>
public sealed class LearningCultureCalculatorTests
{
    private const int K = 10;
    private static readonly DateOnly AsOf = new(2025, 3, 14);
    private static readonly LearningCultureSettings Settings = new();

    private static LearningCultureFacts ExampleA() => new(
        Visible: true, Employees: 40, ActiveEmployees: 30, ForumEmployees: 10, EmployeesWithMinutes: 20, MedianWeeklyMinutes: 90,
        EngagementRated: 40, EngagementMean: 61.25, Enrolled: 40, EnrolledVoluntary: 30, Completed: 10, CompletedVoluntary: 4,
        Completed90: 6, CompletedPrevious90: 4, Completed90WithFeedback: 3, FeedbackLoops: 5, Contributions30: 1,
        ContributionsSupplied: true, MentorshipPairs: 6, ActiveMentors: 4, MentoredEmployees: 8, MentoringSupplied: true,
        HelpRequests: 7, SkillsAcquired: 8, SkillsApplied: 2, SkillAcquirers: 12, CareerSkills: 3);

    /// <summary>Ten organisations whose only component is VP = 10, 20, …, 100 (mean 55).</summary>
    private static LearningCultureOrganisation[] TenOthers() =>
        Enumerable.Range(1, 10)
            .Select(i => new LearningCultureOrganisation($"o{i}", 10, 10, 10, i, 0, 0, 0, false, 0, false))
            .ToArray();

    private static LearningCultureResult Compute(LearningCultureFacts facts, LearningCultureOrganisation[]? others = null, LearningCultureSettings? settings = null) =>
        LearningCultureCalculator.Compute(new LearningCultureInput(AsOf, K, facts, true, true, others ?? TenOthers()), settings ?? Settings);

    [Test]
    public void Compute_WorkedExampleA_GivesMaturityAndEveryMetric()
    {
        var result = Compute(ExampleA());
        var p = result.Payload;

        Assert.Multiple(() =>
        {
            Assert.That(result.Suppression, Is.Null);
            Assert.That(p.OverallCultureScore, Is.EqualTo(0.53));
            Assert.That(p.CultureGrade, Is.EqualTo("F"));
            Assert.That(p.Period, Is.EqualTo("Q1 2025"));
            Assert.That(p.DataStatus, Is.EqualTo(DataStatuses.Partial));
            Assert.That(p.ComponentsUsed, Is.EqualTo(new[] { "voluntaryParticipation", "voluntaryCompletion", "knowledgeSharing", "mentorshipEngagement" }));
            Assert.That(p.Metrics.LearningEngagement, Is.EqualTo(new CultureLearningEngagement(61.3, 75.0, 75.0, 25.0)));
            Assert.That(p.Metrics.KnowledgeSharing, Is.EqualTo(new CultureKnowledgeSharing(50.0, 6, 4, 7)));
            Assert.That(p.Metrics.InnovationMetrics, Is.EqualTo(new CultureInnovationMetrics(null, null, null, null)));
            // Feedback share 3/6 = 50, skill application 2/8 = 25 → 0.5·50 + 0.5·25 = 37.5; completions 6 vs 4 → +50 %.
            Assert.That(p.Metrics.ContinuousImprovement, Is.EqualTo(new CultureContinuousImprovement(37.5, 5, "+50% increase", 25.0)));
            // Median 90 weekly minutes of the active employees against the 120-minute target.
            Assert.That(p.CulturalIndicators, Is.EqualTo(new CulturalIndicators(null, 75.0, null, 3)));
            // Platform mean 55; 52.5 − 55 = −2.5 points → Average.
            Assert.That(p.Benchmarks, Is.EqualTo(new CultureBenchmarks(55.0, "-2.5", "Average", "platform")));
            Assert.That(p.Recommendations, Has.Count.EqualTo(2));
            Assert.That(p.Recommendations[0], Does.Contain("mentoring"));
            Assert.That(p.Recommendations[1], Does.Contain("finish the courses they choose"));
            Assert.That(p.NotAvailable, Is.EquivalentTo(new[]
            {
                "metrics.innovationMetrics.score", "metrics.innovationMetrics.newIdeasSubmitted", "metrics.innovationMetrics.ideasImplemented",
                "metrics.innovationMetrics.innovationProjects", "culturalIndicators.managerSupport", "culturalIndicators.recognitionPrograms",
                "streakActivity",
            }));
            Assert.That(p.SuppressedFields, Is.Null);
            Assert.That(p.Suppressed, Is.Null);
            Assert.That(p.DefinitionVersion, Is.EqualTo("learning-culture@1.0"));
        });
    }

    [Test]
    public void Maturity_WithEveryComponentIncludingStreaks_UsesTheCatalogWeightsUnrenormalised()
    {
        // 0.35·80 + 0.20·60 + 0.20·40 + 0.15·20 + 0.10·50 = 28 + 12 + 8 + 3 + 5 = 56.
        var (maturity, used) = LearningCultureCalculator.Maturity(new CultureComponents(80, 60, 40, 20, 50), Settings);

        Assert.Multiple(() =>
        {
            Assert.That(maturity, Is.EqualTo(56).Within(1e-9));
            Assert.That(used, Has.Count.EqualTo(5));
        });
    }

    [Test]
    public void Maturity_WithOrganisationWeights_AppliesTheOverride()
    {
        var settings = Settings.WithOrganisationWeights("""{"voluntaryParticipation":1,"VC":1,"knowledgeSharing":0,"mentorshipEngagement":0}""");

        var (maturity, used) = LearningCultureCalculator.Maturity(new CultureComponents(80, 60, 40, 20, null), settings);

        Assert.Multiple(() =>
        {
            Assert.That(maturity, Is.EqualTo(70).Within(1e-9));
            Assert.That(used, Is.EqualTo(new[] { "voluntaryParticipation", "voluntaryCompletion" }));
        });
    }

    [Test]
    public void Compute_WhenTheSourcesSupplyNoContributionsOrMentoring_DropsThemAndListsTheirFields()
    {
        var facts = ExampleA() with { ContributionsSupplied = false, MentoringSupplied = false };

        var p = Compute(facts).Payload;

        // (0.35·75 + 0.20·40) / 0.55 = 34.25 / 0.55 = 62.27 → 0.62, D.
        Assert.Multiple(() =>
        {
            Assert.That(p.OverallCultureScore, Is.EqualTo(0.62));
            Assert.That(p.CultureGrade, Is.EqualTo("D"));
            Assert.That(p.ComponentsUsed, Is.EqualTo(new[] { "voluntaryParticipation", "voluntaryCompletion" }));
            Assert.That(p.Metrics.KnowledgeSharing.Score, Is.Null);
            Assert.That(p.Metrics.KnowledgeSharing.MentorshipPrograms, Is.Null);
            Assert.That(p.Metrics.KnowledgeSharing.ActiveMentors, Is.Null);
            Assert.That(p.NotAvailable, Does.Contain("metrics.knowledgeSharing.score")
                .And.Contain("metrics.knowledgeSharing.mentorshipPrograms").And.Contain("metrics.knowledgeSharing.activeMentors"));
        });
    }

    [Test]
    public void Compute_WithManyContributions_CapsKnowledgeSharingAt100()
    {
        // 3 contributions per 40 employees = 7.5 per 100 > the target of 5.
        var p = Compute(ExampleA() with { Contributions30 = 3 }).Payload;

        Assert.That(p.Metrics.KnowledgeSharing.Score, Is.EqualTo(100.0));
    }

    [Test]
    public void Compute_WhenTheGroupIsNotVisible_ReturnsTheSuppressedShape()
    {
        var facts = ExampleA() with { Visible = false, Employees = null };

        var result = Compute(facts);
        var p = result.Payload;

        Assert.Multiple(() =>
        {
            Assert.That(result.Suppression, Is.EqualTo(new SuppressionInfo("GROUP_TOO_SMALL", K, 0)));
            Assert.That(p.Suppressed, Is.True);
            Assert.That(p.Message, Is.EqualTo("Insufficient data: fewer than 10 people in this group."));
            Assert.That(p.OverallCultureScore, Is.Null);
            Assert.That(p.CultureGrade, Is.Null);
            Assert.That(p.Metrics.LearningEngagement.ActiveParticipation, Is.Null);
            Assert.That(p.Metrics.KnowledgeSharing.KnowledgeBaseSessions, Is.Null);
            Assert.That(p.CulturalIndicators.CareerDevelopmentOpportunities, Is.Null);
            Assert.That(p.Benchmarks.IndustryAverage, Is.Null);
            Assert.That(p.Benchmarks.BenchmarkScope, Is.EqualTo("platform"));
            Assert.That(p.Recommendations, Is.Empty);
        });
    }

    [Test]
    public void Compute_WhenTheStatementLeaksASmallGroup_TheCalculatorStillSuppresses()
    {
        var facts = ExampleA() with { Visible = true, Employees = 9 };

        var result = Compute(facts);

        Assert.Multiple(() =>
        {
            Assert.That(result.Payload.Suppressed, Is.True);
            Assert.That(result.Payload.OverallCultureScore, Is.Null);
            Assert.That(result.Suppression?.Reason, Is.EqualTo("GROUP_TOO_SMALL"));
        });
    }

    [Test]
    public void Compute_WithNoInputRows_ReturnsNoDataWithTheKeysKept()
    {
        var facts = new LearningCultureFacts(
            true, 12, 0, 0, 0, null, 0, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, false, 0, 0, 0, false, 0, 0, 0, 0, 0);

        var p = Compute(facts, others: []).Payload;

        Assert.Multiple(() =>
        {
            Assert.That(p.DataStatus, Is.EqualTo(DataStatuses.NoData));
            Assert.That(p.OverallCultureScore, Is.Null);
            Assert.That(p.CultureGrade, Is.Null);
            Assert.That(p.ComponentsUsed, Is.Empty);
            Assert.That(p.Metrics.LearningEngagement.Score, Is.Null);
            Assert.That(p.Metrics.LearningEngagement.VoluntaryLearning, Is.Null);
            Assert.That(p.Metrics.ContinuousImprovement.Score, Is.Null);
            Assert.That(p.Metrics.ContinuousImprovement.CourseCompletionTrend, Is.EqualTo("n/a"));
            Assert.That(p.CulturalIndicators.LearningTimeAllocation, Is.Null);
            Assert.That(p.Benchmarks.IndustryAverage, Is.Null);
            Assert.That(p.Recommendations, Is.Empty);
            Assert.That(p.NotAvailable, Does.Contain("culturalIndicators.learningTimeAllocation").And.Contain("benchmarks.industryAverage"));
            Assert.That(p.Suppressed, Is.Null);
        });
    }

    [Test]
    public void Compute_WithFewerThanKPeopleBehindASubsetFigure_WithholdsThatField()
    {
        var facts = ExampleA() with { EngagementRated = 9, SkillAcquirers = 4, ActiveEmployees = 9 };

        var p = Compute(facts).Payload;

        Assert.Multiple(() =>
        {
            Assert.That(p.Metrics.LearningEngagement.Score, Is.Null);
            Assert.That(p.Metrics.ContinuousImprovement.SkillApplicationRate, Is.Null);
            // Only the feedback part remains: 3 of 6 completions left feedback.
            Assert.That(p.Metrics.ContinuousImprovement.Score, Is.EqualTo(50.0));
            Assert.That(p.CulturalIndicators.LearningTimeAllocation, Is.Null);
            Assert.That(p.SuppressedFields, Is.EquivalentTo(new[]
            {
                "metrics.learningEngagement.score", "metrics.continuousImprovement.skillApplicationRate", "culturalIndicators.learningTimeAllocation",
            }));
            Assert.That(p.OverallCultureScore, Is.EqualTo(0.53));
        });
    }

    [Test]
    public void Compute_WithNineOtherOrganisations_LeavesTheBenchmarkNull()
    {
        var p = Compute(ExampleA(), TenOthers()[..9]).Payload;

        Assert.Multiple(() =>
        {
            Assert.That(p.Benchmarks, Is.EqualTo(new CultureBenchmarks(null, null, null, "platform")));
            Assert.That(p.NotAvailable, Does.Contain("benchmarks.industryAverage").And.Contain("benchmarks.vsIndustry").And.Contain("benchmarks.standing"));
        });
    }

    [Test]
    public void PlatformMean_LeavesOutOrganisationsBelowTheirOwnKAndThoseWithoutMaturity()
    {
        var others = TenOthers().ToList();
        others.Add(new LearningCultureOrganisation("small", 9, 10, 10, 0, 0, 0, 0, false, 0, false));
        others.Add(new LearningCultureOrganisation("raised", 12, 15, 10, 0, 0, 0, 0, false, 0, false));
        others.Add(new LearningCultureOrganisation("empty", 30, 10, 0, 0, 0, 0, 0, false, 0, false));

        Assert.That(LearningCultureCalculator.PlatformMean(others, K, Settings), Is.EqualTo(55).Within(1e-9));
    }

    [Test]
    public void Recommendations_OnATie_FollowTheFormulaOrder()
    {
        var sentences = LearningCultureCalculator.Recommendations(new CultureComponents(50, 50, 90, null, null));

        Assert.That(sentences, Is.EqualTo(new[]
        {
            "Encourage self-directed learning: promote courses employees can choose for themselves alongside assigned training.",
            "Help employees finish the courses they choose: follow up on stalled voluntary enrolments and make time for them.",
        }));
    }

    [TestCase(0.97, "A+")]
    [TestCase(0.9699999, "A")]
    [TestCase(0.93, "A")]
    [TestCase(0.90, "A-")]
    [TestCase(0.87, "B+")]
    [TestCase(0.83, "B")]
    [TestCase(0.80, "B-")]
    [TestCase(0.77, "C+")]
    [TestCase(0.73, "C")]
    [TestCase(0.70, "C-")]
    [TestCase(0.60, "D")]
    [TestCase(0.5999, "F")]
    public void LetterGrade_FollowsTheBoundariesOfSection02(double score, string grade) =>
        Assert.That(Labels.LetterGrade(score), Is.EqualTo(grade));

    [TestCase(6, 4, "+50% increase")]
    [TestCase(3, 4, "-25% decrease")]
    [TestCase(4, 4, "0% no change")]
    [TestCase(5, 0, "n/a")]
    public void ChangeString_FormatsCountsAsSection02Says(int current, int previous, string expected) =>
        Assert.That(Labels.ChangeString(current, previous), Is.EqualTo(expected));

    [TestCase(5.0, "Average")]
    [TestCase(5.05, "Above Average")]
    [TestCase(-5.0, "Average")]
    [TestCase(-5.01, "Below Average")]
    public void Standing_IsAverageWithinFivePoints(double difference, string standing) =>
        Assert.That(LearningCultureCalculator.Standing(difference), Is.EqualTo(standing));

    [TestCase(2.5, "+2.5")]
    [TestCase(-2.45, "-2.5")]
    [TestCase(0.04, "0.0")]
    public void SignedPoints_CarriesTheSign(double difference, string expected) =>
        Assert.That(LearningCultureCalculator.SignedPoints(difference), Is.EqualTo(expected));

    [TestCase(2025, 3, 14, "Q1 2025")]
    [TestCase(2025, 4, 1, "Q2 2025")]
    [TestCase(2025, 12, 31, "Q4 2025")]
    public void QuarterOf_NamesTheQuarterOfAsOf(int year, int month, int day, string label) =>
        Assert.That(Labels.Quarter(new DateOnly(year, month, day)), Is.EqualTo(label));
}
