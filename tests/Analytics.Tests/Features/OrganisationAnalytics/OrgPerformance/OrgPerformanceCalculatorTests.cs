using Analytics.Api.Features.OrganisationAnalytics.OrgPerformance;
using Analytics.Api.Features.OrganisationAnalytics.Shared;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Tests.Features.OrganisationAnalytics.OrgPerformance;

/// <summary>
/// Organisation performance of ANALYTICS.md §3.4 on a worked example computed by hand (ANALYTICS.md §8 has none for it): the
/// same organisation the endpoint tests seed (OrgAlignScenario), plus renormalisation, benchmarks and privacy.
/// </summary>
public sealed class OrgPerformanceCalculatorTests
{
    private const int K = 10;
    private static readonly DateOnly AsOf = new(2025, 3, 14);
    private static readonly OrgPerformanceSettings Settings = new();

    /// <summary>G10's KPIs (K = 86.67) and a business-impact KPI of weight 0, which K leaves out.</summary>
    private static readonly OrganisationKpi[] Kpis =
    [
        new("Course completion rate", 100, 80, 2, "2025-Q1"),
        new("Assessment pass rate", 100, 120, 1, "2025-Q1"),
        new("customerSatisfaction", 5, 4.5, 0, "2025-Q1"),
    ];

    /// <summary>
    /// 19 employees: 15 active in 30 days, 6 of them acquired a skill in 90 days (0.4); 17 enrolments finished in 365 days, 13
    /// completed (0.765); mean engagement 50; 90 days earlier 19 active, none acquired; median 56 days to a skill; 19 pairs unmet
    /// 90 days ago, 13 now.
    /// </summary>
    private static readonly OrgPerformanceRow Organisation =
        new(true, null, null, false, 19, 15, 6, 19, 0, 17, 13, null, null, 50, 56, 13, 19);

    /// <summary>10 employees all active, 6 acquired (0.6); fewer than k with finished enrolments (completion null); engagement 50.</summary>
    private static readonly OrgPerformanceRow TenPeople =
        new(false, "oa-d10", "Ten", false, 10, 10, 6, 10, 0, null, null, null, null, 50, null, null, null);

    /// <summary>A department of 9 as the statement returns it: names and the flag only.</summary>
    private static readonly OrgPerformanceRow NinePeople =
        new(false, "oa-d9", "Nine", true, null, null, null, null, null, null, null, null, null, null, null, null, null);

    private static OrgPerformanceResult Compute(
        IReadOnlyList<OrgPerformanceRow>? rows = null, IReadOnlyList<double>? peers = null, int employees = 19, IReadOnlyList<OrganisationKpi>? kpis = null) =>
        OrgPerformanceCalculator.Compute(
            new OrgPerformanceInput(AsOf, employees, K, kpis ?? Kpis, rows ?? [Organisation, TenPeople, NinePeople], peers ?? []), Settings);

    [Test]
    public void Compute_WorkedExample_GivesOverallAndComponents()
    {
        var payload = Compute().Payload;

        Assert.Multiple(() =>
        {
            Assert.That(payload.OverallPerformance, Is.EqualTo(0.62), "0.3·0.765 + 0.3·0.4 + 0.2·0.867 + 0.2·0.5 = 0.6227");
            Assert.That(payload.Components, Is.EqualTo(new OrgPerformanceComponents(0.765, 0.4, 0.867, 0.5)));
            Assert.That(payload.PerformanceMetrics, Is.EqualTo(new OrgPerformanceMetrics(null, 0.4, null, null, null)));
            Assert.That(payload.KeyPerformanceIndicators, Is.EqualTo(new OrgPerformanceKpis(8.0, 0.765, 0.316, null, null)));
            Assert.That(payload.DataStatus, Is.EqualTo(DataStatuses.Ok));
            Assert.That(payload.ComponentsUsed, Is.EqualTo(new[] { "completion", "skillDevelopment", "kpiAchievement", "engagement" }));
            Assert.That(payload.AiVsManualDelta, Is.Null);
        });
    }

    [Test]
    public void Compute_WorkedExample_ShowsTheDepartmentOfTenAndCountsTheOneOfNine()
    {
        var result = Compute();

        Assert.Multiple(() =>
        {
            Assert.That(result.Payload.DepartmentPerformance,
                Is.EqualTo(new[] { new OrgDepartmentPerformance("oa-d10", "Ten", 0.65, null, 0.6, null) }),
                "completion has no data: (0.3·0.6 + 0.2·0.867 + 0.2·0.5)/0.7 = 0.648");
            Assert.That(result.Suppression, Is.EqualTo(new SuppressionInfo(SuppressionInfo.SegmentsTooSmall, K, 1)));
        });
    }

    [Test]
    public void Compute_WorkedExample_TrendsRecommendationsAndBusinessImpact()
    {
        var payload = Compute().Payload;

        Assert.Multiple(() =>
        {
            Assert.That(payload.Trends, Is.EqualTo(new OrgPerformanceTrends("increasing", null, null)),
                "skills 0 → 0.4 with K: (0.12 + 0.173)/0.5 = 0.587 vs 0.347");
            Assert.That(payload.Recommendations.Single(), Is.EqualTo(new OrgPerformanceRecommendation(
                "skill_development", "high",
                "Assign courses that teach target skills: 40% of active learners acquired a skill in the last 90 days", null, "19 employees")));
            Assert.That(payload.BusinessImpact.CustomerSatisfaction, Is.EqualTo(4.5));
            Assert.That(payload.BusinessImpact.RevenuePerEmployee, Is.Null);
            Assert.That(payload.BusinessImpactSource, Is.EqualTo(new Dictionary<string, string> { ["customerSatisfaction"] = "kpi" }));
            Assert.That(payload.NotAvailable, Does.Contain("businessImpact.revenuePerEmployee")
                .And.Not.Contain("businessImpact.customerSatisfaction")
                .And.Contain("performanceMetrics.learningROI")
                .And.Contain("keyPerformanceIndicators.leadershipPipeline")
                .And.Contain("departmentPerformance[].retentionRate")
                .And.Contain("recommendations[].estimatedROI")
                .And.Contain("aiVsManualDelta"));
            Assert.That(payload.Benchmarks, Is.EqualTo(new OrgPerformanceBenchmarks(null, null, null)));
            Assert.That(payload.SuppressedFields, Is.EqualTo(new[] { "benchmarks.industryAverage", "benchmarks.topPerformers", "benchmarks.percentile" }));
        });
    }

    [Test]
    public void Compute_WithElevenPeerOrganisations_GivesMeanP90AndPercentileRankWithTies()
    {
        // G12's values as organisations: this one publishes 0.70; peers 0.40 … 0.95 hold one 0.70 (a tie counts half).
        double[] peers = [0.40, 0.50, 0.55, 0.60, 0.65, 0.70, 0.75, 0.80, 0.85, 0.90, 0.95];
        var settings = new OrgPerformanceSettings(0, 0, 0, 1);
        var engagementOnly = Organisation with { Engagement = 70 };

        var payload = OrgPerformanceCalculator.Compute(new OrgPerformanceInput(AsOf, 19, K, Kpis, [engagementOnly], peers), settings).Payload;

        Assert.Multiple(() =>
        {
            Assert.That(payload.OverallPerformance, Is.EqualTo(0.70));
            Assert.That(payload.Benchmarks, Is.EqualTo(new OrgPerformanceBenchmarks(0.70, 0.90, 50)), "mean 0.6955; h = 9 → 0.90; (5 + 0.5)/11");
            Assert.That(payload.SuppressedFields, Is.Null);
        });
    }

    [Test]
    public void PercentileRank_TiesShareTheMiddle()
    {
        Assert.Multiple(() =>
        {
            Assert.That(OrgPerformanceCalculator.PercentileRank(0.5, [0.5, 0.5, 0.5, 0.5]), Is.EqualTo(50));
            Assert.That(OrgPerformanceCalculator.PercentileRank(0.9, [0.1, 0.2, 0.3, 0.4]), Is.EqualTo(100));
            Assert.That(OrgPerformanceCalculator.Quantile([95, 91, 88, 80, 76, 74, 70, 65, 61, 59, 45, 30], 0.9), Is.EqualTo(90.7).Within(1e-9), "G6's p90");
        });
    }

    [Test]
    public void Compute_NinePeerOrganisations_AreNotABenchmark()
    {
        var payload = Compute(peers: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]).Payload;

        Assert.That(payload.Benchmarks.IndustryAverage, Is.Null);
    }

    [Test]
    public void Compute_OnlyCompletionWithData_RenormalisesToIt()
    {
        var organisation = Organisation with { ActiveNow = null, ActiveAcquiredNow = null, Engagement = null };

        var payload = Compute(rows: [organisation], kpis: []).Payload;

        Assert.Multiple(() =>
        {
            Assert.That(payload.OverallPerformance, Is.EqualTo(0.76), "13/17 alone");
            Assert.That(payload.DataStatus, Is.EqualTo(DataStatuses.Partial));
            Assert.That(payload.ComponentsUsed, Is.EqualTo(new[] { "completion" }));
            Assert.That(payload.DepartmentPerformance, Is.Empty);
            Assert.That(payload.NotAvailable, Does.Not.Contain("departmentPerformance[].retentionRate"));
        });
    }

    [Test]
    public void Compute_NoInputRows_IsNoDataWithNullScores()
    {
        var empty = new OrgPerformanceRow(true, null, null, false, 19, null, null, null, null, null, null, null, null, null, null, null, null);

        var payload = Compute(rows: [empty], kpis: []).Payload;

        Assert.Multiple(() =>
        {
            Assert.That(payload.OverallPerformance, Is.Null);
            Assert.That(payload.DataStatus, Is.EqualTo(DataStatuses.NoData));
            Assert.That(payload.Trends.Performance, Is.EqualTo("stable"));
            Assert.That(payload.Recommendations, Is.Empty);
            Assert.That(payload.KeyPerformanceIndicators, Is.EqualTo(new OrgPerformanceKpis(null, null, null, null, null)));
        });
    }

    [Test]
    public void Compute_TwoDepartmentsShown_RecommendsSupportForTheLowest()
    {
        var weaker = TenPeople with { DepartmentId = "oa-weak", DepartmentName = "Weak", ActiveAcquiredNow = 1, Engagement = 20 };

        var recommendations = Compute(rows: [Organisation, TenPeople, weaker]).Payload.Recommendations;

        Assert.That(recommendations[^1], Is.EqualTo(new OrgPerformanceRecommendation(
            "department_support", "high", "Support Weak: the lowest department performance (0.35)", null, "10 employees")));
    }

    [Test]
    public void Compute_DepartmentRowThatSqlLetThroughBelowK_IsStillRemoved()
    {
        var leaked = TenPeople with { Employees = 9 };

        var result = Compute(rows: [Organisation, leaked]);

        Assert.Multiple(() =>
        {
            Assert.That(result.Payload.DepartmentPerformance, Is.Empty);
            Assert.That(result.Suppression!.SuppressedSegments, Is.EqualTo(1));
        });
    }

    [Test]
    public void Compute_FewerThanKEmployees_GivesTheSuppressedResponse()
    {
        var result = Compute(employees: 9);

        Assert.Multiple(() =>
        {
            Assert.That(result.Payload.Suppressed, Is.True);
            Assert.That(result.Payload.OverallPerformance, Is.Null);
            Assert.That(result.Payload.DepartmentPerformance, Is.Empty);
            Assert.That(result.Payload.Recommendations, Is.Empty);
            Assert.That(result.Suppression, Is.EqualTo(new SuppressionInfo(SuppressionInfo.GroupTooSmall, K, 0)));
        });
    }
}
