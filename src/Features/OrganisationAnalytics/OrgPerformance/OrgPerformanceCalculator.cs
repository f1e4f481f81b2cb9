using System.Globalization;
using Analytics.Api.Features.OrganisationAnalytics.Shared;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.OrganisationAnalytics.OrgPerformance;

/// <summary>
/// Organisation performance, `org-performance@1.0` (ANALYTICS.md §3.4): overallPerformance = 0.3·completion +
/// 0.3·skillDevelopment + 0.2·K/100 + 0.2·engagement/100, renormalised over the components with data (§0.4), for the
/// organisation and each department with ≥ k employees; KPIs, business impact from the organisation's own `kpis`, a platform
/// benchmark, the trend against 90 days earlier and recommendations. Money, retention and mobility fields are null and listed
/// in `notAvailable`. Privacy (§0.5) is checked again here.
/// aiVsManualDelta needs content-effectiveness's per-learner item values (#6), a join of every member's item openings with
/// their submissions per unit; v1 does not compute that set-based within the budget and leaves it null (`notAvailable`).
/// </summary>
public static class OrgPerformanceCalculator
{
    public const string DefinitionVersion = "org-performance@1.0";

    public static readonly IReadOnlyList<string> BusinessImpactKeys =
        ["revenuePerEmployee", "costSavings", "timeToMarket", "customerSatisfaction", "employeeSatisfaction"];

    private static readonly string[] AlwaysUnavailable =
    [
        "performanceMetrics.learningROI", "performanceMetrics.employeeRetention", "performanceMetrics.productivityImprovement",
        "performanceMetrics.innovationIndex", "keyPerformanceIndicators.crossFunctionalMobility",
        "keyPerformanceIndicators.leadershipPipeline", "trends.roi", "trends.retention", "aiVsManualDelta",
    ];

    private static readonly string[] BenchmarkPaths = ["benchmarks.industryAverage", "benchmarks.topPerformers", "benchmarks.percentile"];

    public static OrgPerformanceResult Compute(OrgPerformanceInput input, OrgPerformanceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(settings);
        var k = input.MinGroupSize;
        var organisation = input.Rows.FirstOrDefault(r => r.IsOrganisation);
        if (input.Employees < k || organisation is null || organisation.Suppressed || organisation.Employees is not { } employees || employees < k)
        {
            return new OrgPerformanceResult(Suppressed(input.AsOf, k), SuppressionInfo.WholeGroup(k));
        }

        var kpi = KpiAchievement.Compute(input.Kpis) is { } kValue ? kValue / 100 : (double?)null;
        var now = ComponentsOf(organisation, kpi);
        var overall = Composite(now, settings);

        var departmentRows = input.Rows.Where(r => !r.IsOrganisation && r.DepartmentId is not null).ToArray();
        var shown = departmentRows.Where(r => !r.Suppressed && r.Employees >= k).ToArray();
        var departments = shown
            .Select(r => (Row: r, Components: ComponentsOf(r, kpi)))
            .Select(d => (d.Row, d.Components, Performance: Composite(d.Components, settings)))
            .ToArray();

        var businessImpact = BusinessImpactKeys.ToDictionary(
            key => key, key => input.Kpis.FirstOrDefault(x => string.Equals(x.Name, key, StringComparison.Ordinal))?.Value);
        var peers = input.PeerPerformances.Count >= k ? input.PeerPerformances : [];
        var published = overall is { } o ? Numbers.Round(o, 2) : (double?)null;

        var recommendations = Recommendations(now, departments.Select(d => (d.Row, d.Performance)).ToArray(), employees);
        var notAvailable = new List<string>(AlwaysUnavailable);
        if (departments.Length > 0)
        {
            notAvailable.Add("departmentPerformance[].learningROI");
            notAvailable.Add("departmentPerformance[].retentionRate");
        }

        notAvailable.AddRange(businessImpact.Where(p => p.Value is null).Select(p => "businessImpact." + p.Key));
        if (recommendations.Count > 0)
        {
            notAvailable.Add("recommendations[].estimatedROI");
        }

        var used = now.Named().Where(c => c.Value is not null).Select(c => c.Name).ToArray();
        var payload = new OrgPerformancePayload
        {
            DefinitionVersion = DefinitionVersion,
            AsOf = input.AsOf,
            OverallPerformance = published,
            PerformanceMetrics = new OrgPerformanceMetrics(null, Round(now.SkillDevelopment, 3), null, null, null),
            KeyPerformanceIndicators = new OrgPerformanceKpis(
                Round(organisation.MedianDaysToSkill / 7, 1),
                Round(now.Completion, 3),
                GapReduction(organisation.UnmetPairsBefore, organisation.UnmetPairsNow),
                null,
                null),
            DepartmentPerformance = departments
                .OrderBy(d => d.Row.DepartmentName, StringComparer.Ordinal)
                .ThenBy(d => d.Row.DepartmentId, StringComparer.Ordinal)
                .Select(d => new OrgDepartmentPerformance(
                    d.Row.DepartmentId!, d.Row.DepartmentName ?? d.Row.DepartmentId!, Round(d.Performance, 2), null,
                    Round(d.Components.SkillDevelopment, 3), null))
                .ToArray(),
            BusinessImpact = new OrgBusinessImpact(
                businessImpact["revenuePerEmployee"], businessImpact["costSavings"], businessImpact["timeToMarket"],
                businessImpact["customerSatisfaction"], businessImpact["employeeSatisfaction"]),
            BusinessImpactSource = businessImpact.Where(p => p.Value is not null).ToDictionary(p => p.Key, _ => "kpi"),
            Benchmarks = peers.Count == 0
                ? new OrgPerformanceBenchmarks(null, null, null)
                : new OrgPerformanceBenchmarks(
                    Numbers.Round(peers.Average(), 2), Numbers.Round(Quantile(peers, 0.9), 2),
                    published is { } x ? PercentileRank(x, peers) : null),
            Trends = new OrgPerformanceTrends(Trend(organisation, kpi, settings), null, null),
            Recommendations = recommendations,
            AiVsManualDelta = null,
            Components = new OrgPerformanceComponents(
                Round(now.Completion, 3), Round(now.SkillDevelopment, 3), Round(now.KpiAchievement, 3), Round(now.Engagement, 3)),
            ComponentsUsed = used,
            DataStatus = used.Length == 0 ? DataStatuses.NoData : used.Length < 4 ? DataStatuses.Partial : DataStatuses.Ok,
            NotAvailable = notAvailable,
            SuppressedFields = peers.Count == 0 ? BenchmarkPaths : null,
        };

        var suppressedSegments = departmentRows.Length - shown.Length;
        return new OrgPerformanceResult(
            payload, SuppressionInfo.Segments(k, suppressedSegments));
    }

    /// <summary>The whole response withheld (§0.5): every aggregate null, every list empty.</summary>
    public static OrgPerformancePayload Suppressed(DateOnly asOf, int minGroupSize) => new()
    {
        DefinitionVersion = DefinitionVersion,
        AsOf = asOf,
        PerformanceMetrics = new OrgPerformanceMetrics(null, null, null, null, null),
        KeyPerformanceIndicators = new OrgPerformanceKpis(null, null, null, null, null),
        DepartmentPerformance = [],
        BusinessImpact = new OrgBusinessImpact(null, null, null, null, null),
        BusinessImpactSource = new Dictionary<string, string>(),
        Benchmarks = new OrgPerformanceBenchmarks(null, null, null),
        Trends = new OrgPerformanceTrends(null, null, null),
        Recommendations = [],
        Components = new OrgPerformanceComponents(null, null, null, null),
        Suppressed = true,
        Message = SuppressionInfo.MessageFor(minGroupSize),
    };

    /// <summary>Percentile rank of §0.2: round(100·(#{p &lt; x} + 0.5·#{p = x}) / |P|), on published (2 dp) values.</summary>
    public static int PercentileRank(double x, IReadOnlyList<double> peers)
    {
        ArgumentNullException.ThrowIfNull(peers);
        var below = peers.Count(p => Numbers.Exact(p) < Numbers.Exact(x));
        var equal = peers.Count(p => Numbers.Exact(p) == Numbers.Exact(x));
        return Numbers.RoundToInt(100.0 * (below + (0.5 * equal)) / peers.Count);
    }

    /// <summary>q_p of §0.2 (PERCENTILE.INC).</summary>
    public static double Quantile(IReadOnlyList<double> values, double p)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToArray();
        var h = (sorted.Length - 1) * p;
        var lower = (int)Math.Floor(h);
        return lower + 1 < sorted.Length ? sorted[lower] + ((h - lower) * (sorted[lower + 1] - sorted[lower])) : sorted[lower];
    }

    /// <summary>The weighted mean of the components with data, renormalised (§0.4); null when none has data.</summary>
    public static double? Composite(PerformanceComponents components, OrgPerformanceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(components);
        ArgumentNullException.ThrowIfNull(settings);
        (double? Value, double Weight)[] parts =
        [
            (components.Completion, settings.CompletionWeight), (components.SkillDevelopment, settings.SkillDevelopmentWeight),
            (components.KpiAchievement, settings.KpiAchievementWeight), (components.Engagement, settings.EngagementWeight),
        ];
        var present = parts.Where(c => c.Value is not null && c.Weight > 0).ToArray();
        var weights = present.Sum(c => c.Weight);
        return present.Length == 0 || weights <= 0 ? null : Math.Clamp(present.Sum(c => c.Value!.Value * c.Weight) / weights, 0, 1);
    }

    private static PerformanceComponents ComponentsOf(OrgPerformanceRow row, double? kpi) => new(
        Ratio(row.CompletedNow, row.FinishedNow),
        Ratio(row.ActiveAcquiredNow, row.ActiveNow),
        kpi,
        row.Engagement is { } e ? Math.Clamp(e / 100, 0, 1) : null);

    /// <summary>
    /// Performance now vs 90 days earlier (§0.1, §0.2 trend label). Engagement has no value 90 days back (learner snapshots are
    /// current only, and no analytic reads older ones), and the KPIs keep their latest period, so both points use completion,
    /// skill development and K, each only when it has a value at both points.
    /// </summary>
    private static string Trend(OrgPerformanceRow row, double? kpi, OrgPerformanceSettings settings)
    {
        var currentCompletion = Ratio(row.CompletedNow, row.FinishedNow);
        var previousCompletion = Ratio(row.CompletedPrev, row.FinishedPrev);
        var currentSkills = Ratio(row.ActiveAcquiredNow, row.ActiveNow);
        var previousSkills = Ratio(row.ActiveAcquiredPrev, row.ActivePrev);
        var bothCompletion = currentCompletion is not null && previousCompletion is not null;
        var bothSkills = currentSkills is not null && previousSkills is not null;
        if (!bothCompletion && !bothSkills)
        {
            return "stable";
        }

        var current = Composite(
            new PerformanceComponents(bothCompletion ? currentCompletion : null, bothSkills ? currentSkills : null, kpi, null), settings);
        var previous = Composite(
            new PerformanceComponents(bothCompletion ? previousCompletion : null, bothSkills ? previousSkills : null, kpi, null), settings);
        if (current is not { } c || previous is not { } p)
        {
            return "stable";
        }

        if (p == 0)
        {
            return c > 0 ? "increasing" : "stable";
        }

        var change = Numbers.Exact((c - p) / p);
        return change > settings.TrendThreshold ? "increasing" : change < -settings.TrendThreshold ? "decreasing" : "stable";
    }

    private static List<OrgPerformanceRecommendation> Recommendations(
        PerformanceComponents components, (OrgPerformanceRow Row, double? Performance)[] departments, int employees)
    {
        var list = new List<OrgPerformanceRecommendation>();
        var weakest = components.Named().Where(c => c.Value is not null).OrderBy(c => c.Value).FirstOrDefault();
        if (weakest.Value is { } value)
        {
            var action = weakest.Name switch
            {
                "completion" => Invariant($"Raise course completion: {Numbers.Round(100 * value, 1)}% of enrolments finished in the last 365 days were completed"),
                "skillDevelopment" => Invariant($"Assign courses that teach target skills: {Numbers.Round(100 * value, 1)}% of active learners acquired a skill in the last 90 days"),
                "kpiAchievement" => Invariant($"Focus training on the KPIs furthest from target: KPI achievement is {Numbers.Round(100 * value, 1)}%"),
                _ => Invariant($"Raise learning engagement: the mean employee engagement is {Numbers.Round(100 * value, 1)}/100"),
            };
            list.Add(new OrgPerformanceRecommendation(
                TypeOf(weakest.Name), PriorityOf(value), action, null, Invariant($"{employees} employees")));
        }

        var lowest = departments.Where(d => d.Performance is not null).OrderBy(d => d.Performance).ThenBy(d => d.Row.DepartmentId, StringComparer.Ordinal).ToArray();
        if (lowest.Length >= 2)
        {
            var (row, performance) = lowest[0];
            list.Add(new OrgPerformanceRecommendation(
                "department_support",
                PriorityOf(performance!.Value),
                Invariant($"Support {row.DepartmentName ?? row.DepartmentId}: the lowest department performance ({Numbers.Round(performance.Value, 2)})"),
                null,
                Invariant($"{row.Employees} employees")));
        }

        return list;
    }

    private static string TypeOf(string component) => component switch
    {
        "completion" => "completion",
        "skillDevelopment" => "skill_development",
        "kpiAchievement" => "kpi_alignment",
        _ => "engagement",
    };

    private static string PriorityOf(double value)
    {
        var v = Numbers.Exact(value);
        return v < 0.5 ? "high" : v < 0.7 ? "medium" : "low";
    }

    /// <summary>Proxy gapReduction = (unmet pairs 90 days ago − unmet now) / unmet 90 days ago; null when none was unmet then.</summary>
    private static double? GapReduction(int? before, int? now) =>
        before is { } b && b > 0 && now is { } n ? Numbers.Round((double)(b - n) / b, 3) : null;

    private static double? Ratio(int? part, int? whole) => whole is > 0 && part is { } p ? (double)p / whole.Value : null;

    private static double? Round(double? value, int decimals) => value is { } v ? Numbers.Round(v, decimals) : null;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
