using System.Globalization;
using Analytics.Api.Features.OrganisationAnalytics.Shared;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.OrganisationAnalytics.DepartmentAnalytics;

/// <summary>
/// Department analytics, `department-analytics@1.0` (ANALYTICS.md §3.5): #11–#14 per department, ranked among the departments
/// with at least k members. k is checked again here (the statement already left small departments out): a department below k
/// is never shown, and a figure resting on fewer than k people is null and listed in `suppressedFields`.
/// </summary>
public static class DepartmentAnalyticsCalculator
{
    public const string DefinitionVersion = "department-analytics@1.0";

    public const string Increasing = "increasing";
    public const string Decreasing = "decreasing";
    public const string Stable = "stable";

    public static (DepartmentAnalyticsPayload Payload, SuppressionInfo? Suppression) Compute(
        DepartmentAnalyticsInput input, DepartmentAnalyticsSettings settings)
    {
        var k = input.MinGroupSize;
        var shown = input.Departments.Where(d => d.Members >= k).ToArray();
        var suppressedSegments = input.SuppressedSegments + (input.Departments.Count - shown.Length);
        if (input.RequestedDepartmentId is { } requested && shown.All(d => d.DepartmentId != requested))
        {
            return (Suppressed(input.OrganisationId, input.AsOf, k), SuppressionInfo.WholeGroup(k));
        }

        var suppressedFields = new List<string>();
        var computed = shown.Select(d => Department(d, k, settings)).ToArray();
        var scores = computed.Select(c => c.Performance).ToArray();
        var entries = new List<DepartmentAnalyticsEntry>();
        for (var i = 0; i < computed.Length; i++)
        {
            var (entry, performance, withheld) = computed[i];
            if (input.RequestedDepartmentId is not null && entry.Department.Id != input.RequestedDepartmentId)
            {
                continue;
            }

            var others = scores.Where((_, j) => j != i).OfType<double>().ToArray();
            var rank = performance is { } x ? 1 + others.Count(p => Numbers.Exact(p) > Numbers.Exact(x)) : (int?)null;
            var percentile = performance is { } y && others.Length > 0 ? PercentileRank(y, others) : (int?)null;
            entry = entry with { Rank = rank, Percentile = percentile };
            entry = entry with { Insights = Insights(entry, shown.Length) };
            var index = entries.Count;
            suppressedFields.AddRange(withheld.Select(path => string.Create(CultureInfo.InvariantCulture, $"departments[{index}].{path}")));
            entries.Add(entry);
        }

        var payload = new DepartmentAnalyticsPayload
        {
            DefinitionVersion = DefinitionVersion,
            AsOf = input.AsOf,
            DataStatus = entries.Count > 0 ? DataStatuses.Ok : DataStatuses.NoData,
            OrganisationId = input.OrganisationId,
            Departments = entries,
            SuppressedFields = suppressedFields.Count > 0 ? suppressedFields : null,
        };
        var suppression = input.RequestedDepartmentId is null ? SuppressionInfo.Segments(k, suppressedSegments) : null;
        return (payload, suppression);
    }

    /// <summary>The whole response withheld (ANALYTICS.md §0.5): the requested department has fewer than k members.</summary>
    public static DepartmentAnalyticsPayload Suppressed(string organisationId, DateOnly asOf, int minGroupSize) => new()
    {
        DefinitionVersion = DefinitionVersion,
        AsOf = asOf,
        OrganisationId = organisationId,
        Departments = [],
        Suppressed = true,
        Message = SuppressionInfo.MessageFor(minGroupSize),
    };

    /// <summary>percentile rank of x among the other departments: round(100·(#{p &lt; x} + 0.5·#{p = x})/|P|) (ANALYTICS.md §0.2).</summary>
    public static int PercentileRank(double value, IReadOnlyCollection<double> peers)
    {
        var x = Numbers.Exact(value);
        var below = peers.Count(p => Numbers.Exact(p) < x);
        var equal = peers.Count(p => Numbers.Exact(p) == x);
        return Numbers.RoundToInt(100.0 * (below + (0.5 * equal)) / peers.Count);
    }

    /// <summary>Trend label of ANALYTICS.md §0.2: r beyond ±threshold; with prev = 0, increasing when cur &gt; 0.</summary>
    public static string TrendOf(double current, double previous, double threshold)
    {
        if (previous == 0)
        {
            return current > 0 ? Increasing : Stable;
        }

        var change = Numbers.Exact((current - previous) / previous);
        return change > threshold ? Increasing : change < -threshold ? Decreasing : Stable;
    }

    private static (DepartmentAnalyticsEntry Entry, double? Performance, IReadOnlyList<string> Withheld) Department(
        DepartmentFigures d, int k, DepartmentAnalyticsSettings settings)
    {
        var withheld = new List<string>();

        double? Guard(int people, double? value, string path)
        {
            if (value is null)
            {
                return null;
            }

            if (people < k)
            {
                withheld.Add(path);
                return null;
            }

            return value;
        }

        var completion = Guard(d.FinishedPeople, Ratio(d.Completed, d.Finished), "metrics.completionRate");
        var averageScore = Guard(d.ScoredPeople, d.ScoredCourses > 0 ? d.ScoreSum / d.ScoredCourses / 100 : null, "metrics.averageScore");
        var engagement = Guard(d.EngagementPeople, d.EngagementNow / 100, "metrics.engagementScore");
        var passRate = Guard(d.ScoredPeople, Ratio(d.Passed, d.Assessed) * 100, "passRatePct");
        var coverage = Guard(d.CoveragePeople, Ratio(d.Met, d.Pairs) * 100, "skillCoveragePct");
        var timeToComplete = Guard(d.TimedPeople, d.TimedCompletions > 0 ? d.CompletionDays / d.TimedCompletions : null, "avgTimeToCompleteDays");
        var skillDevelopment = d.Active >= k ? Ratio(d.Developing, d.Active) : null;

        var trends = new DepartmentAnalyticsTrends(
            MeanTrend(d.VelocityPeople, d.VelocityNow, d.VelocityThenPeople, d.VelocityThen, k, settings.TrendThreshold, "trends.learningVelocity", withheld),
            TrendOf(d.SkillsNow, d.SkillsThen, settings.TrendThreshold),
            MeanTrend(d.EngagementPeople, d.EngagementNow, d.EngagementThenPeople, d.EngagementThen, k, settings.TrendThreshold, "trends.engagement", withheld));

        var entry = new DepartmentAnalyticsEntry(
            new DepartmentAnalyticsRef(d.DepartmentId, d.DepartmentName),
            new DepartmentAnalyticsMetrics(d.Members, d.Active, Round(completion, 3), Round(averageScore, 3), Round(engagement, 3)),
            trends,
            [],
            Round(coverage, 1),
            Round(passRate, 1),
            Round(timeToComplete, 1),
            null,
            null);
        return (entry, Performance(completion, skillDevelopment, engagement, settings), withheld);
    }

    /// <summary>#14's performance over the components this department has (weights renormalised); null with none.</summary>
    private static double? Performance(double? completion, double? skillDevelopment, double? engagement, DepartmentAnalyticsSettings settings)
    {
        (double? Value, double Weight)[] parts =
            [(completion, settings.CompletionWeight), (skillDevelopment, settings.SkillDevelopmentWeight), (engagement, settings.EngagementWeight)];
        var present = parts.Where(p => p.Value is not null).ToArray();
        var weight = present.Sum(p => p.Weight);
        return weight > 0 ? present.Sum(p => p.Value!.Value * p.Weight) / weight : null;
    }

    private static string? MeanTrend(
        int nowPeople, double? now, int thenPeople, double? then, int k, double threshold, string path, List<string> withheld)
    {
        if (now is null || then is null)
        {
            return null;
        }

        if (nowPeople < k || thenPeople < k)
        {
            withheld.Add(path);
            return null;
        }

        return TrendOf(now.Value, then.Value, threshold);
    }

    /// <summary>[d] Rule-based insights: completion (≥ 80 % success, &lt; 50 % warning), participation below half, the
    /// direction of engagement and velocity, and the top department when there are several.</summary>
    private static DepartmentAnalyticsInsight[] Insights(DepartmentAnalyticsEntry entry, int departments)
    {
        var insights = new List<DepartmentAnalyticsInsight>();
        var metrics = entry.Metrics;
        if (metrics.CompletionRate is { } completion)
        {
            var percent = Numbers.RoundToInt(completion * 100);
            if (completion >= 0.8)
            {
                insights.Add(new("success", string.Create(CultureInfo.InvariantCulture, $"{percent}% of the enrolments finished in the last 365 days were completed."), "high"));
            }
            else if (completion < 0.5)
            {
                insights.Add(new("warning", string.Create(CultureInfo.InvariantCulture, $"Only {percent}% of the enrolments finished in the last 365 days were completed."), "high"));
            }
        }

        if (metrics.TotalLearners > 0 && metrics.ActiveLearners * 2 < metrics.TotalLearners)
        {
            var percent = Numbers.RoundToInt(100.0 * metrics.ActiveLearners / metrics.TotalLearners);
            insights.Add(new("warning", string.Create(CultureInfo.InvariantCulture, $"Only {percent}% of the learners were active in the last 30 days."), "medium"));
        }

        AddTrend(insights, entry.Trends.Engagement, "Engagement");
        AddTrend(insights, entry.Trends.LearningVelocity, "Learning velocity");
        if (entry.Rank == 1 && departments > 1)
        {
            insights.Add(new("success", string.Create(CultureInfo.InvariantCulture, $"Highest performance of the {departments} departments shown."), "low"));
        }

        return [.. insights];
    }

    private static void AddTrend(List<DepartmentAnalyticsInsight> insights, string? trend, string name)
    {
        if (trend == Increasing)
        {
            insights.Add(new("success", $"{name} is up on 30 days earlier.", "medium"));
        }
        else if (trend == Decreasing)
        {
            insights.Add(new("warning", $"{name} is down on 30 days earlier.", "medium"));
        }
    }

    private static double? Ratio(int part, int whole) => whole == 0 ? null : (double)part / whole;

    private static double? Round(double? value, int decimals) => value is { } v ? Numbers.Round(v, decimals) : null;
}
