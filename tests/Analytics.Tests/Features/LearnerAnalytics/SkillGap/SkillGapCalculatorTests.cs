using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Features.LearnerAnalytics.SkillGap;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Tests.Features.LearnerAnalytics.SkillGap;

/// <summary>ANALYTICS.md §8 G2 and the edge rules of §1.2, on the pure computation.</summary>
public sealed class SkillGapCalculatorTests
{
    private static readonly DateOnly AsOf = new(2025, 3, 14);
    private static readonly SkillGapSettings Settings = new();

    /// <summary>
    /// G2: A target 3, current 1, high, demand 0.60, precedes one open gap (B), t = 4; B target 2, current 1, low, demand
    /// suppressed (absent from #16), b = 0, t = 1.
    /// </summary>
    private static SkillGapPayload G2(IReadOnlyDictionary<string, double>? demand, string? category = null, bool criticalOnly = false) =>
        SkillGapCalculator.Compute(
            AsOf,
            [
                new SkillGapTarget("a", "Alpha", "backend", false, 3, "high", 1),
                new SkillGapTarget("b", "Beta", "frontend", false, 2, "low", 1),
            ],
            [new SkillGapTargetCount("a", 4), new SkillGapTargetCount("b", 1)],
            [new SkillGapPrecedence("a", "b")],
            demand,
            Settings,
            category,
            criticalOnly);

    [Test]
    public void Compute_G2_MatchesTheWorkedExample()
    {
        var payload = G2(new Dictionary<string, double> { ["a"] = 0.60 });

        var a = payload.Skills.Single(s => s.Id == "a");
        var b = payload.Skills.Single(s => s.Id == "b");
        Assert.Multiple(() =>
        {
            // A: 16.667 + 22.5 + 12 + 3 + 2 = 56.17 → 56, critical by its gap of 2.
            Assert.That(a, Is.EqualTo(new SkillGapSkill("a", "Alpha", "backend", 1, 3, 2, 56, true, 75, 60, 20, 20)));
            // B: 12.5 + 7.5 + 10 (neutral 50) + 0 + 0.5 = 30.5 → 31 half away from zero; demand null.
            Assert.That(b, Is.EqualTo(new SkillGapSkill("b", "Beta", "frontend", 1, 2, 1, 31, false, 25, null, 0, 5)));
            Assert.That(payload.Skills.Select(s => s.Id), Is.EqualTo(new[] { "a", "b" }), "sorted by priority desc");
            Assert.That(payload.Categories, Is.EqualTo(new[] { "backend", "frontend" }));
            Assert.That(payload.Summary, Is.EqualTo(new SkillGapSummary(2, 0, 1, 1.5)));
            Assert.That(payload.DataStatus, Is.EqualTo(DataStatuses.Ok));
            Assert.That(payload.NotAvailable, Is.Empty);
            Assert.That(payload.DefinitionVersion, Is.EqualTo("skill-gap@1.0"));
            Assert.That(payload.AsOf, Is.EqualTo(AsOf));
        });
    }

    [Test]
    public void Compute_WithoutSkillDemandAnalytic_UsesNeutralDemandAndListsTheFieldAsNotAvailable()
    {
        var payload = G2(demand: null);

        Assert.Multiple(() =>
        {
            // A with the neutral 50 instead of 60: 16.667 + 22.5 + 10 + 3 + 2 = 54.17 → 54.
            Assert.That(payload.Skills.Single(s => s.Id == "a").Priority, Is.EqualTo(54));
            Assert.That(payload.Skills.Single(s => s.Id == "b").Priority, Is.EqualTo(31));
            Assert.That(payload.Skills.Select(s => s.MarketDemand), Is.All.Null);
            Assert.That(payload.NotAvailable, Is.EqualTo(new[] { "skills[].marketDemand" }));
            Assert.That(payload.DataStatus, Is.EqualTo(DataStatuses.Partial));
        });
    }

    [Test]
    public void Compute_WithoutTargets_IsNoDataWithEmptyListsAndKeptSummary()
    {
        var payload = SkillGapCalculator.Compute(AsOf, [], [], [], null, Settings);

        Assert.Multiple(() =>
        {
            Assert.That(payload.DataStatus, Is.EqualTo(DataStatuses.NoData));
            Assert.That(payload.Skills, Is.Empty);
            Assert.That(payload.Categories, Is.Empty);
            Assert.That(payload.Summary, Is.EqualTo(new SkillGapSummary(0, 0, 0, null)));
            Assert.That(payload.NotAvailable, Is.Empty);
        });
    }

    [Test]
    public void Compute_DepartmentRowOverridesOrgWideRowAndHighestLevelAndPriorityWinWithinASpecificity()
    {
        var payload = SkillGapCalculator.Compute(
            AsOf,
            [
                new SkillGapTarget("s", "Skill", null, false, 4, "critical", 2),
                new SkillGapTarget("s", "Skill", null, true, 2, "low", 2),
                new SkillGapTarget("s", "Skill", null, true, 3, "medium", 2),
            ],
            [],
            [],
            new Dictionary<string, double>(),
            Settings);

        var skill = payload.Skills.Single();
        Assert.Multiple(() =>
        {
            Assert.That(skill.TargetLevel, Is.EqualTo(3), "the department rows win; the higher of their levels");
            Assert.That(skill.BusinessImpact, Is.EqualTo(50), "the higher of their priorities (medium)");
            Assert.That(skill.Gap, Is.EqualTo(1));
            Assert.That(payload.Categories, Is.Empty, "a skill without category adds none");
        });
    }

    [Test]
    public void Compute_MissingUserSkillRow_IsLevelZeroAndAMetTargetHasGapZero()
    {
        var payload = SkillGapCalculator.Compute(
            AsOf,
            [
                new SkillGapTarget("none", "No row", "data", false, 2, "medium", null),
                new SkillGapTarget("met", "Met", "data", false, 2, "critical", 3),
            ],
            [],
            [],
            new Dictionary<string, double>(),
            Settings);

        var none = payload.Skills.Single(s => s.Id == "none");
        var met = payload.Skills.Single(s => s.Id == "met");
        Assert.Multiple(() =>
        {
            Assert.That(none.CurrentLevel, Is.EqualTo(0));
            Assert.That(none.Gap, Is.EqualTo(2));
            Assert.That(none.IsCritical, Is.True);
            Assert.That(met.Gap, Is.EqualTo(0));
            Assert.That(met.IsCritical, Is.False, "a critical business priority needs a gap of at least 1");
            Assert.That(payload.Summary, Is.EqualTo(new SkillGapSummary(2, 1, 1, 1)));
        });
    }

    [Test]
    public void Compute_GapOfOneAtHighPriority_IsCritical()
    {
        var payload = SkillGapCalculator.Compute(
            AsOf, [new SkillGapTarget("s", "S", null, false, 2, "high", 1)], [], [], new Dictionary<string, double>(), Settings);

        Assert.That(payload.Skills.Single().IsCritical, Is.True);
    }

    [Test]
    public void Compute_PriorityOf80OrMore_IsCriticalEvenAtGapOne()
    {
        // gap 1 of 1 (100), medium (50), demand 1.0 (100), precedes 5 open gaps (100), t = 20 (100):
        // 25 + 15 + 20 + 15 + 10 = 85 → critical by the priority clause alone.
        var targets = new List<SkillGapTarget> { new("s", "S", null, false, 1, "medium", 0) };
        targets.AddRange(Enumerable.Range(1, 5).Select(i => new SkillGapTarget($"o{i}", $"O{i}", null, false, 1, "low", 0)));
        var payload = SkillGapCalculator.Compute(
            AsOf,
            targets,
            [new SkillGapTargetCount("s", 20)],
            Enumerable.Range(1, 5).Select(i => new SkillGapPrecedence("s", $"o{i}")).ToArray(),
            new Dictionary<string, double> { ["s"] = 1.0 },
            Settings);

        var skill = payload.Skills[0];
        Assert.Multiple(() =>
        {
            Assert.That(skill.Id, Is.EqualTo("s"));
            Assert.That(skill.Priority, Is.EqualTo(85));
            Assert.That(skill.Prerequisites, Is.EqualTo(100));
            Assert.That(skill.CareerValue, Is.EqualTo(100));
            Assert.That(skill.IsCritical, Is.True);
        });
    }

    [Test]
    public void Compute_PrecedingAnAchievedSkill_DoesNotCount()
    {
        var payload = SkillGapCalculator.Compute(
            AsOf,
            [
                new SkillGapTarget("a", "A", null, false, 3, "low", 1),
                new SkillGapTarget("done", "Done", null, false, 2, "low", 2),
            ],
            [],
            [new SkillGapPrecedence("a", "done")],
            new Dictionary<string, double>(),
            Settings);

        Assert.That(payload.Skills.Single(s => s.Id == "a").Prerequisites, Is.EqualTo(0));
    }

    [Test]
    public void Compute_WithCategoryAndCriticalOnly_FiltersRowsAndSummary()
    {
        var byCategory = G2(new Dictionary<string, double>(), category: "frontend");
        var criticalOnly = G2(new Dictionary<string, double>(), criticalOnly: true);

        Assert.Multiple(() =>
        {
            Assert.That(byCategory.Skills.Select(s => s.Id), Is.EqualTo(new[] { "b" }));
            Assert.That(byCategory.Categories, Is.EqualTo(new[] { "frontend" }));
            Assert.That(byCategory.Summary.TotalTargetSkills, Is.EqualTo(1));
            Assert.That(criticalOnly.Skills.Select(s => s.Id), Is.EqualTo(new[] { "a" }));
            Assert.That(criticalOnly.Summary, Is.EqualTo(new SkillGapSummary(1, 0, 1, 2)));
            Assert.That(criticalOnly.DataStatus, Is.EqualTo(DataStatuses.Ok));
        });
    }

    [Test]
    public void Compute_EqualPriorities_SortByNameIgnoringCase()
    {
        var payload = SkillGapCalculator.Compute(
            AsOf,
            [
                new SkillGapTarget("z", "Zeta", null, false, 2, "low", 1),
                new SkillGapTarget("d", "dbt", null, false, 2, "low", 1),
                new SkillGapTarget("y", "Eta", null, false, 2, "low", 1),
            ],
            [],
            [],
            new Dictionary<string, double>(),
            Settings);

        Assert.That(payload.Skills.Select(s => s.Name), Is.EqualTo(new[] { "dbt", "Eta", "Zeta" }));
    }
}
