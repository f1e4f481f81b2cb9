using Analytics.Api.Features.OrganisationAnalytics.DepartmentAnalytics;

namespace Analytics.Tests.Features.OrganisationAnalytics.DepartmentAnalytics;

/// <summary>`department-analytics@1.0` (ANALYTICS.md §3.5) on hand-made statement rows, asOf = 2025-03-14, k = 10.</summary>
public sealed class DepartmentAnalyticsCalculatorTests
{
    private static readonly DateOnly AsOf = new(2025, 3, 14);
    private static readonly DepartmentAnalyticsSettings Settings = new();

    /// <summary>10 members, 6 active; 10 finished (all completed, 562 days); scores 5×80 + 5×60 on one assessment each; coverage 4/10;
    /// engagement 60 now vs 40 then; velocity 80 vs 80; skills 0 now vs 4 then.</summary>
    private static DepartmentFigures Engineering(string id = "d10", int members = 10) =>
        new(id, "Engineering", members, 6, 10, 10, 10, 10, 562, 10, 10, 700, 10, 10, 5, 0, 4, 0, 10, 10, 4, 10, 60, 10, 40, 10, 80, 10, 80);

    /// <summary>11 members, all active and all acquired a skill in 90 days; nothing finished or scored; engagement 50 vs 50; velocity 20 vs 40.</summary>
    private static DepartmentFigures Finance(string id = "d11") =>
        new(id, "Finance", 11, 11, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 11, 0, 11, 11, 11, 11, 11, 50, 11, 50, 11, 20, 11, 40);

    private static DepartmentAnalyticsInput Input(IReadOnlyList<DepartmentFigures> rows, string? requested = null, int suppressed = 0) =>
        new("org", AsOf, 10, requested, rows, suppressed);

    [Test]
    public void Compute_PublishesEachDepartmentsMetricsTrendsAndTeamFields()
    {
        var (payload, suppression) = DepartmentAnalyticsCalculator.Compute(Input([Engineering(), Finance()], suppressed: 2), Settings);

        var engineering = payload.Departments[0];
        var finance = payload.Departments[1];
        Assert.Multiple(() =>
        {
            Assert.That(payload.OrganisationId, Is.EqualTo("org"));
            Assert.That(engineering.Department.Id, Is.EqualTo("d10"));
            Assert.That(engineering.Metrics.TotalLearners, Is.EqualTo(10));
            Assert.That(engineering.Metrics.ActiveLearners, Is.EqualTo(6));
            Assert.That(engineering.Metrics.CompletionRate, Is.EqualTo(1.0));
            Assert.That(engineering.Metrics.AverageScore, Is.EqualTo(0.7));
            Assert.That(engineering.Metrics.EngagementScore, Is.EqualTo(0.6));
            Assert.That(engineering.PassRatePct, Is.EqualTo(50.0));
            Assert.That(engineering.SkillCoveragePct, Is.EqualTo(40.0));
            Assert.That(engineering.AvgTimeToCompleteDays, Is.EqualTo(56.2));
            Assert.That(engineering.Trends.Engagement, Is.EqualTo("increasing"));
            Assert.That(engineering.Trends.LearningVelocity, Is.EqualTo("stable"));
            Assert.That(engineering.Trends.SkillDevelopment, Is.EqualTo("decreasing"));
            Assert.That(finance.Metrics.CompletionRate, Is.Null, "no finished enrolment: unknown, not 0");
            Assert.That(finance.AvgTimeToCompleteDays, Is.Null);
            Assert.That(finance.Trends.LearningVelocity, Is.EqualTo("decreasing"));
            Assert.That(finance.Trends.SkillDevelopment, Is.EqualTo("increasing"));
            Assert.That(finance.Trends.Engagement, Is.EqualTo("stable"));
            Assert.That(payload.SuppressedFields, Is.Null);
            Assert.That(suppression?.Reason, Is.EqualTo("SEGMENTS_TOO_SMALL"));
            Assert.That(suppression?.SuppressedSegments, Is.EqualTo(2));
        });
    }

    [Test]
    public void Compute_RanksByPerformanceAmongTheShownDepartments()
    {
        // Engineering: (0.3·1.0 + 0.2·0.6)/0.5 = 0.84 (skill development withheld: 6 active < k). Finance: (0.3·1 + 0.2·0.5)/0.5 = 0.80.
        var (payload, _) = DepartmentAnalyticsCalculator.Compute(Input([Engineering(), Finance()]), Settings);

        Assert.Multiple(() =>
        {
            Assert.That(payload.Departments.Select(d => d.Rank), Is.EqualTo(new int?[] { 1, 2 }));
            Assert.That(payload.Departments.Select(d => d.Percentile), Is.EqualTo(new int?[] { 100, 0 }));
            Assert.That(payload.Departments[0].Insights.Select(i => i.Type), Is.EqualTo(new[] { "success", "success", "success" }));
            Assert.That(payload.Departments[1].Insights.Select(i => i.Message), Does.Contain("Learning velocity is down on 30 days earlier."));
        });
    }

    [Test]
    public void Compute_WithTiedDepartments_RankAndPercentileAgree()
    {
        var (payload, _) = DepartmentAnalyticsCalculator.Compute(
            Input([Engineering("a"), Engineering("b"), Finance("c")]), Settings);

        Assert.Multiple(() =>
        {
            Assert.That(payload.Departments.Select(d => d.Rank), Is.EqualTo(new int?[] { 1, 1, 3 }));
            // a: peers {0.84, 0.80} → (1 + 0.5)/2 = 75; c: peers {0.84, 0.84} → 0.
            Assert.That(payload.Departments.Select(d => d.Percentile), Is.EqualTo(new int?[] { 75, 75, 0 }));
        });
    }

    [Test]
    public void Compute_WithOneDepartmentShown_HasRankOneAndNoPercentile()
    {
        var (payload, _) = DepartmentAnalyticsCalculator.Compute(Input([Engineering()]), Settings);

        Assert.That(payload.Departments.Single().Rank, Is.EqualTo(1));
        Assert.That(payload.Departments.Single().Percentile, Is.Null);
    }

    [Test]
    public void Compute_DepartmentOfNine_IsLeftOutAndCountedWhileTheOneOfTenIsShown()
    {
        // The statement never returns a department below k; this proves the second check holds if it ever did.
        var (payload, suppression) = DepartmentAnalyticsCalculator.Compute(
            Input([Engineering("nine", members: 9), Engineering("ten", members: 10)]), Settings);

        Assert.Multiple(() =>
        {
            Assert.That(payload.Departments.Select(d => d.Department.Id), Is.EqualTo(new[] { "ten" }));
            Assert.That(suppression?.Reason, Is.EqualTo("SEGMENTS_TOO_SMALL"));
            Assert.That(suppression?.SuppressedSegments, Is.EqualTo(1));
        });
    }

    [Test]
    public void Compute_RequestedDepartmentBelowK_ReturnsTheSuppressedShape()
    {
        var (payload, suppression) = DepartmentAnalyticsCalculator.Compute(Input([Engineering()], requested: "d9", suppressed: 1), Settings);

        Assert.Multiple(() =>
        {
            Assert.That(payload.Suppressed, Is.True);
            Assert.That(payload.Message, Is.EqualTo("Insufficient data: fewer than 10 people in this group."));
            Assert.That(payload.Departments, Is.Empty);
            Assert.That(suppression?.Reason, Is.EqualTo("GROUP_TOO_SMALL"));
            Assert.That(suppression?.SuppressedSegments, Is.EqualTo(0));
        });
    }

    [Test]
    public void Compute_RequestedDepartment_KeepsItsRankAmongAllDepartments()
    {
        var (payload, suppression) = DepartmentAnalyticsCalculator.Compute(Input([Engineering(), Finance()], requested: "d11", suppressed: 1), Settings);

        Assert.Multiple(() =>
        {
            Assert.That(payload.Departments.Single().Department.Id, Is.EqualTo("d11"));
            Assert.That(payload.Departments.Single().Rank, Is.EqualTo(2));
            Assert.That(payload.Departments.Single().Percentile, Is.EqualTo(0));
            Assert.That(suppression, Is.Null, "the other departments are not part of this answer");
        });
    }

    [Test]
    public void Compute_WithFiguresOfFewerThanKPeople_WithholdsThemAndListsTheirPaths()
    {
        var sparse = Engineering() with { ScoredPeople = 4, EngagementPeople = 9, FinishedPeople = 3, TimedPeople = 3 };

        var (payload, _) = DepartmentAnalyticsCalculator.Compute(Input([sparse]), Settings);

        var entry = payload.Departments.Single();
        Assert.Multiple(() =>
        {
            Assert.That(entry.Metrics.AverageScore, Is.Null);
            Assert.That(entry.Metrics.EngagementScore, Is.Null);
            Assert.That(entry.Metrics.CompletionRate, Is.Null);
            Assert.That(entry.PassRatePct, Is.Null);
            Assert.That(entry.Trends.Engagement, Is.Null);
            Assert.That(payload.SuppressedFields, Is.EquivalentTo(new[]
            {
                "departments[0].metrics.completionRate", "departments[0].metrics.averageScore", "departments[0].metrics.engagementScore",
                "departments[0].passRatePct", "departments[0].avgTimeToCompleteDays", "departments[0].trends.engagement",
            }));
        });
    }

    [TestCase(110, 100, "stable")]
    [TestCase(111, 100, "increasing")]
    [TestCase(89, 100, "decreasing")]
    [TestCase(90, 100, "stable")]
    [TestCase(1, 0, "increasing")]
    [TestCase(0, 0, "stable")]
    public void TrendOf_UsesTheTenPercentBand(int current, int previous, string expected) =>
        Assert.That(DepartmentAnalyticsCalculator.TrendOf(current, previous, 0.10), Is.EqualTo(expected));
}
