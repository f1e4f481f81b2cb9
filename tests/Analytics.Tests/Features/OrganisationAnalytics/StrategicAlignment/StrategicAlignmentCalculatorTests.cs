using Analytics.Api.Features.OrganisationAnalytics.Shared;
using Analytics.Api.Features.OrganisationAnalytics.StrategicAlignment;
using Analytics.Api.Shared.Analytics;
using Microsoft.Extensions.Configuration;

namespace Analytics.Tests.Features.OrganisationAnalytics.StrategicAlignment;

/// <summary>Strategic alignment of ANALYTICS.md §3.2: worked example G10 (§8), renormalisation, goals, gaps and privacy (§0.5).</summary>
public sealed class StrategicAlignmentCalculatorTests
{
    private const int K = 10;
    private static readonly DateOnly AsOf = new(2025, 3, 14);
    private static readonly AlignmentSettings Settings = new();

    /// <summary>G10's KPIs: 80/100 with weight 2 and 120/100 with weight 1.</summary>
    private static readonly OrganisationKpi[] G10Kpis =
    [
        new("Course completion rate", 100, 80, 2, "2025-Q1"),
        new("Assessment pass rate", 100, 120, 1, "2025-Q1"),
    ];

    /// <summary>One goal of one skill (required 3, priority high): <paramref name="pairs"/> pairs of which <paramref name="met"/> meet.</summary>
    private static AlignmentRow GoalRow(
        int pairs = 10, int met = 6, int assigned = 10, int compliant = 8, string? goalText = "Ship features faster with fewer defects",
        string skillId = "s-1", string skillName = "Testing", bool hasCourse = true, int critical = 4, int? totalPairs = null, int? totalMet = null) =>
        new(goalText?.ToLowerInvariant(), goalText is null ? skillId : null, goalText, skillId, skillName,
            pairs < K, pairs >= K ? pairs : null, pairs >= K ? met : null, pairs >= K ? 3 : null, pairs >= K ? pairs : null, pairs >= K ? met : null,
            pairs >= K ? met + ((pairs - met) / 3.0) : null, hasCourse,
            pairs < K, pairs >= K ? pairs : null, pairs >= K ? pairs - met : null, pairs >= K ? "high" : null, pairs >= K ? 3 : null,
            totalPairs ?? pairs, totalMet ?? met, critical, 0, 0, assigned, compliant);

    private static StrategicAlignmentInput Input(IReadOnlyList<AlignmentRow> rows, IReadOnlyList<OrganisationKpi>? kpis = null, int employees = 10) =>
        new(AsOf, null, employees, K, kpis ?? G10Kpis, rows);

    [Test]
    public void Compute_G10_Gives077GradeCPlus()
    {
        var result = StrategicAlignmentCalculator.Compute(Input([GoalRow()]), Settings);
        var payload = result.Payload;

        Assert.Multiple(() =>
        {
            Assert.That(payload.Components.KpiAchievement, Is.EqualTo(86.7));
            Assert.That(payload.Components.SkillCoverage, Is.EqualTo(60));
            Assert.That(payload.Components.TrainingCompliance, Is.EqualTo(80));
            Assert.That(payload.OverallAlignment, Is.EqualTo(0.77), "0.5·86.67 + 0.3·60 + 0.2·80 = 77.33");
            Assert.That(payload.AlignmentGrade, Is.EqualTo("C+"));
            Assert.That(payload.Period, Is.EqualTo("Q1 2025"));
            Assert.That(payload.DataStatus, Is.EqualTo(DataStatuses.Ok));
            Assert.That(payload.ComponentsUsed, Is.EqualTo(new[] { "kpiAchievement", "skillCoverage", "trainingCompliance" }));
            Assert.That(payload.Suppressed, Is.Null);
            Assert.That(result.Suppression, Is.Null);
        });
    }

    [Test]
    public void Compute_G10_DescribesTheGoalGapsAndRecommendations()
    {
        var payload = StrategicAlignmentCalculator.Compute(Input([GoalRow()]), Settings).Payload;
        var goal = payload.StrategicGoals.Single();

        Assert.Multiple(() =>
        {
            Assert.That(goal.GoalId, Is.EqualTo("vp-1e2a5de48c79"), "first 12 hex of SHA-256 of the lower-cased text");
            Assert.That(goal.GoalName, Is.EqualTo("Ship features faster with fewer defects"));
            Assert.That(goal.AlignmentScore, Is.EqualTo(0.6));
            Assert.That(goal.Progress, Is.EqualTo(73.3), "(6·1 + 4·1/3)/10");
            Assert.That(goal.SkillsCovered, Is.EqualTo(0), "6 of 10 meet: below the 0.8 covered share");
            Assert.That(goal.RequiredSkills, Is.EqualTo(new[] { "Testing" }));
            Assert.That(goal.EmployeesOnTrack, Is.EqualTo(6));
            Assert.That(goal.TotalEmployeesNeeded, Is.EqualTo(10));
            Assert.That(goal.Status, Is.EqualTo("at_risk"));
            Assert.That(goal.Recommendations, Is.EqualTo(new[] { "Assign a course teaching Testing to 4 employees below level 3" }));
            Assert.That(payload.GapAnalysis.CriticalGaps, Is.EqualTo(4));
            Assert.That(payload.GapAnalysis.TopMissingSkills.Single(), Is.EqualTo(new AlignmentMissingSkill("Testing", "high", 40)));
            Assert.That(payload.Recommendations.Single(),
                Is.EqualTo(new AlignmentRecommendation("skill_development", "high", "Train 4 employees in Testing to level 3", null, null)));
            Assert.That(payload.NotAvailable, Is.EqualTo(new[] { "recommendations[].estimatedCost", "recommendations[].expectedROI" }));
        });
    }

    [Test]
    public void Compute_GoalWithoutValueProposition_IsTheSkillsGoal()
    {
        var payload = StrategicAlignmentCalculator.Compute(Input([GoalRow(goalText: null, hasCourse: false, met: 9)]), Settings).Payload;
        var goal = payload.StrategicGoals.Single();

        Assert.Multiple(() =>
        {
            Assert.That(goal.GoalId, Is.EqualTo("skill-s-1"));
            Assert.That(goal.GoalName, Is.EqualTo("Skill: Testing"));
            Assert.That(goal.Status, Is.EqualTo("on_track"), "0.9 ≥ 0.8");
            Assert.That(goal.SkillsCovered, Is.EqualTo(100));
            Assert.That(goal.Recommendations, Is.Empty, "the only skill is covered");
        });
    }

    [Test]
    public void Compute_UncoveredSkillNoCourseTeaches_SaysSo()
    {
        var goal = StrategicAlignmentCalculator.Compute(Input([GoalRow(hasCourse: false, met: 2)]), Settings).Payload.StrategicGoals.Single();

        Assert.Multiple(() =>
        {
            Assert.That(goal.Recommendations, Is.EqualTo(new[] { "No course teaches Testing yet" }));
            Assert.That(goal.Status, Is.EqualTo("off_track"), "0.2 < 0.5");
        });
    }

    [Test]
    public void Compute_WithoutKpis_RenormalisesTheOtherTwo()
    {
        var payload = StrategicAlignmentCalculator.Compute(Input([GoalRow()], kpis: []), Settings).Payload;

        Assert.Multiple(() =>
        {
            Assert.That(payload.OverallAlignment, Is.EqualTo(0.68), "(0.3·60 + 0.2·80)/0.5");
            Assert.That(payload.Components.KpiAchievement, Is.Null);
            Assert.That(payload.DataStatus, Is.EqualTo(DataStatuses.Partial));
            Assert.That(payload.ComponentsUsed, Is.EqualTo(new[] { "skillCoverage", "trainingCompliance" }));
        });
    }

    [Test]
    public void Compute_KpiWithoutValueOrTarget_IsLeftOutOfK()
    {
        OrganisationKpi[] kpis = [.. G10Kpis, new("No value", 100, null, 5, "2025-Q1"), new("Zero target", 0, 50, 5, "2025-Q1")];

        Assert.That(KpiAchievement.Compute(kpis), Is.EqualTo(86.666666666).Within(1e-6));
    }

    [Test]
    public void Compute_WithOrganisationWeights_UsesThem()
    {
        var settings = AlignmentSettings.From(
            new ConfigurationBuilder().Build(), """{"kpiAchievement": 1, "skillCoverage": 0, "trainingCompliance": 0}""");

        var payload = StrategicAlignmentCalculator.Compute(Input([GoalRow()]), settings).Payload;

        Assert.That(payload.OverallAlignment, Is.EqualTo(0.87));
    }

    [Test]
    public void Compute_ScopeWithoutTargetsKpisOrAssignments_IsNoDataWithKeysKept()
    {
        var empty = new AlignmentRow(
            null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null);

        var payload = StrategicAlignmentCalculator.Compute(Input([empty], kpis: []), Settings).Payload;

        Assert.Multiple(() =>
        {
            Assert.That(payload.OverallAlignment, Is.Null);
            Assert.That(payload.AlignmentGrade, Is.Null);
            Assert.That(payload.DataStatus, Is.EqualTo(DataStatuses.NoData));
            Assert.That(payload.StrategicGoals, Is.Empty);
            Assert.That(payload.Recommendations, Is.Empty);
            Assert.That(payload.GapAnalysis.TopMissingSkills, Is.Empty);
            Assert.That(payload.Components, Is.EqualTo(new AlignmentComponents(null, null, null)));
        });
    }

    [Test]
    public void Compute_GoalBelowK_IsRemovedAndCounted()
    {
        var small = GoalRow(pairs: 9, met: 3, goalText: "Meet regulatory obligations", skillId: "s-2", skillName: "Law", totalPairs: 19, totalMet: 9);
        var shown = GoalRow(totalPairs: 19, totalMet: 9);

        var result = StrategicAlignmentCalculator.Compute(Input([shown, small], employees: 19), Settings);

        Assert.Multiple(() =>
        {
            Assert.That(result.Payload.StrategicGoals.Select(g => g.GoalName), Is.EqualTo(new[] { "Ship features faster with fewer defects" }));
            Assert.That(result.Payload.GapAnalysis.TopMissingSkills.Select(s => s.Skill), Is.EqualTo(new[] { "Testing" }));
            Assert.That(result.Suppression, Is.EqualTo(new SuppressionInfo(SuppressionInfo.SegmentsTooSmall, K, 2)), "the goal and its skill");
        });
    }

    [Test]
    public void Compute_RowThatSqlLetThroughBelowK_IsStillRemoved()
    {
        // A bug in the statement (flag false, figures present) must not publish a goal of 9 people.
        var leaked = GoalRow() with { GoalPopulation = 9, SkillPopulation = 9 };

        var result = StrategicAlignmentCalculator.Compute(Input([leaked]), Settings);

        Assert.Multiple(() =>
        {
            Assert.That(result.Payload.StrategicGoals, Is.Empty);
            Assert.That(result.Payload.GapAnalysis.TopMissingSkills, Is.Empty);
            Assert.That(result.Suppression!.SuppressedSegments, Is.EqualTo(2));
        });
    }

    [Test]
    public void Compute_FewerThanKEmployees_GivesTheSuppressedResponse()
    {
        var result = StrategicAlignmentCalculator.Compute(Input([GoalRow()], employees: 9), Settings);
        var payload = result.Payload;

        Assert.Multiple(() =>
        {
            Assert.That(payload.Suppressed, Is.True);
            Assert.That(payload.Message, Is.EqualTo("Insufficient data: fewer than 10 people in this group."));
            Assert.That(payload.OverallAlignment, Is.Null);
            Assert.That(payload.StrategicGoals, Is.Empty);
            Assert.That(payload.Components, Is.EqualTo(new AlignmentComponents(null, null, null)));
            Assert.That(result.Suppression, Is.EqualTo(new SuppressionInfo(SuppressionInfo.GroupTooSmall, K, 0)));
        });
    }

    [TestCase(0.77, "C+")]
    [TestCase(0.769999, "C")]
    [TestCase(0.97, "A+")]
    [TestCase(0.6, "D")]
    [TestCase(0.59, "F")]
    public void Grade_JudgesTheExactValue(double score, string grade)
    {
        Assert.That(Labels.LetterGrade(score), Is.EqualTo(grade));
    }
}
