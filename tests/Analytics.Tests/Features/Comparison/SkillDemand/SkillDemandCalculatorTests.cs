using Analytics.Api.Features.Comparison.SkillDemand;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Tests.Features.Comparison.SkillDemand;

/// <summary>ANALYTICS.md §4.2 and G11 on the pure calculator: max-normalised demand, k per row, trend and growth, insights.</summary>
public sealed class SkillDemandCalculatorTests
{
    private static readonly DateOnly AsOf = new(2025, 3, 14);

    private static SkillDemandView View(int limit = 20, string? category = null, IReadOnlyList<string>? skills = null, IReadOnlySet<string>? gaps = null, string? owner = null) =>
        new(category, skills ?? [], limit, "on the platform", "6 months", gaps ?? new HashSet<string>(), owner);

    private static SkillDemandInput Skill(string id, int e, double v, int p, int learners = 50, int ePrevious = 0, int acquired = 0, int acquiredPrevious = 0, string? category = null) =>
        new(id, id.ToUpperInvariant(), category, e, ePrevious, v, p, learners, acquired, acquiredPrevious);

    [Test]
    public void Compute_G11_GivesTheWorkedDemandScores()
    {
        SkillDemandInput[] skills = [Skill("a", 40, 2.0, 10), Skill("b", 20, 3.0, 0), Skill("c", 10, 0.5, 5)];

        var (payload, suppression) = SkillDemandCalculator.Compute(AsOf, skills, 0, 10, new SkillDemandSettings(), View());

        Assert.Multiple(() =>
        {
            Assert.That(payload.SkillDemand.Select(s => s.SkillId), Is.EqualTo(new[] { "a", "b", "c" }));
            Assert.That(payload.SkillDemand.Select(s => s.DemandScore), Is.EqualTo(new[] { 0.883, 0.550, 0.283 }));
            Assert.That(payload.SkillDemand.Select(s => s.JobPostings), Is.All.Null);
            Assert.That(payload.SkillDemand.Select(s => s.AverageSalary), Is.All.Null);
            Assert.That(payload.NotAvailable, Is.EqualTo(new[]
            {
                "skillDemand[].jobPostings", "skillDemand[].averageSalary", "industryTrends", "geographicDistribution", "salaryRanges",
            }));
            Assert.That(payload.IndustryTrends, Is.Null);
            Assert.That(payload.GeographicDistribution, Is.Null);
            Assert.That(payload.SalaryRanges, Is.Null);
            Assert.That(payload.DefinitionVersion, Is.EqualTo("skill-demand@1.0"));
            Assert.That(suppression, Is.Null);
            Assert.That(payload.MarketInsights[0].Insight, Does.StartWith("A has the highest demand on the platform (demand score 0.883)"));
        });
    }

    [Test]
    public void Compute_RowBelowK_IsRemovedCountedAndLeftOutOfTheNormalisation()
    {
        // "big" would set every maximum if it counted; with 9 learners it is withheld, so "a" keeps a score of 1.
        SkillDemandInput[] skills = [Skill("a", 10, 1, 4), Skill("big", 100, 9, 90, learners: 9)];

        var (payload, suppression) = SkillDemandCalculator.Compute(AsOf, skills, 2, 10, new SkillDemandSettings(), View());

        Assert.Multiple(() =>
        {
            Assert.That(payload.SkillDemand.Select(s => s.SkillId), Is.EqualTo(new[] { "a" }));
            Assert.That(payload.SkillDemand[0].DemandScore, Is.EqualTo(1.0));
            Assert.That(suppression, Is.EqualTo(new SuppressionInfo(SuppressionInfo.SegmentsTooSmall, 10, 3)), "2 removed in SQL + 1 here");
        });
    }

    [Test]
    public void Compute_TrendAndGrowth_FollowTheFivePercentBandAndTheRelativeChange()
    {
        SkillDemandInput[] skills =
        [
            Skill("up", 22, 0, 0, ePrevious: 20, acquired: 6, acquiredPrevious: 3),
            Skill("flat", 21, 0, 0, ePrevious: 20),
            Skill("down", 18, 0, 0, ePrevious: 20, acquired: 1, acquiredPrevious: 2),
            Skill("new", 10, 0, 0, ePrevious: 0),
        ];

        var (payload, _) = SkillDemandCalculator.Compute(AsOf, skills, 0, 10, new SkillDemandSettings(), View());

        var rows = payload.SkillDemand.ToDictionary(s => s.SkillId);
        Assert.Multiple(() =>
        {
            Assert.That((rows["up"].Trend, rows["up"].TrendPercentage, rows["up"].GrowthRate), Is.EqualTo(("increasing", (double?)10.0, (double?)1.0)));
            Assert.That((rows["flat"].Trend, rows["flat"].TrendPercentage), Is.EqualTo(("stable", (double?)5.0)), "+5 % is not above the band");
            Assert.That((rows["down"].Trend, rows["down"].TrendPercentage, rows["down"].GrowthRate), Is.EqualTo(("decreasing", (double?)-10.0, (double?)-0.5)));
            Assert.That((rows["new"].Trend, rows["new"].TrendPercentage, rows["new"].GrowthRate), Is.EqualTo(("increasing", (double?)null, (double?)null)));
            Assert.That(payload.MarketInsights[1].Insight, Does.StartWith("UP is acquired fastest: +100%"));
        });
    }

    [Test]
    public void Compute_FiltersAndLimit_NarrowTheRowsWithoutChangingTheScores()
    {
        SkillDemandInput[] skills = [Skill("a", 40, 0, 0, category: "x"), Skill("b", 20, 0, 0, category: "y"), Skill("c", 10, 0, 0, category: "y")];

        var (byCategory, _) = SkillDemandCalculator.Compute(AsOf, skills, 0, 10, new SkillDemandSettings(), View(category: "y"));
        var (limited, _) = SkillDemandCalculator.Compute(AsOf, skills, 0, 10, new SkillDemandSettings(), View(limit: 1));
        var (chosen, _) = SkillDemandCalculator.Compute(AsOf, skills, 0, 10, new SkillDemandSettings(), View(skills: ["c"]));

        Assert.Multiple(() =>
        {
            Assert.That(byCategory.SkillDemand.Select(s => (s.SkillId, s.DemandScore)), Is.EqualTo(new[] { ("b", 0.5), ("c", 0.25) }));
            Assert.That(limited.SkillDemand.Select(s => s.SkillId), Is.EqualTo(new[] { "a" }));
            Assert.That(chosen.SkillDemand.Select(s => (s.SkillId, s.DemandScore)), Is.EqualTo(new[] { ("c", 0.25) }));
        });
    }

    [Test]
    public void Compute_ReaderWithAGap_GetsTheHighestDemandGapInsight()
    {
        SkillDemandInput[] skills = [Skill("a", 40, 0, 0), Skill("b", 20, 0, 0), Skill("c", 10, 0, 0)];

        var (payload, _) = SkillDemandCalculator.Compute(
            AsOf, skills, 0, 10, new SkillDemandSettings(), View(gaps: new HashSet<string> { "c", "b" }, owner: "learner"));

        Assert.That(payload.MarketInsights[^1].Insight, Is.EqualTo("B is in high demand and is one of your skill gaps."));
    }

    [Test]
    public void Compute_NoSkills_IsTheNoDataShape()
    {
        var (payload, suppression) = SkillDemandCalculator.Compute(AsOf, [], 0, 10, new SkillDemandSettings(), View());

        Assert.Multiple(() =>
        {
            Assert.That(payload.DataStatus, Is.EqualTo(DataStatuses.NoData));
            Assert.That(payload.SkillDemand, Is.Empty);
            Assert.That(payload.MarketInsights, Is.Empty);
            Assert.That(suppression, Is.Null);
        });
    }
}
