using System.Globalization;
using Analytics.Api.Features.Comparison.Shared;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.Comparison.SkillDemand;

/// <summary>
/// Platform skill demand, `skill-demand@1.0` (ANALYTICS.md §4.2): demandScore = w_e·norm(e) + w_v·norm(v) + w_p·norm(p) with
/// norm(x) = x / max over the kept skills of the scope (a component whose maximum is 0 has no data and its weight is
/// renormalised away, §0.4), the enrolment trend, the growth of acquisitions and the market insights. A skill with fewer than k
/// learners behind e ∪ p is removed (checked again here after the statement) and counted as a suppressed segment.
/// </summary>
public static class SkillDemandCalculator
{
    public const string DefinitionVersion = "skill-demand@1.0";

    private static readonly string[] UnavailablePaths =
        ["skillDemand[].jobPostings", "skillDemand[].averageSalary", "industryTrends", "geographicDistribution", "salaryRanges"];

    public static (SkillDemandPayload Payload, SuppressionInfo? Suppression) Compute(
        DateOnly asOf,
        IReadOnlyList<SkillDemandInput> skills,
        int suppressedBySql,
        int minGroupSize,
        SkillDemandSettings settings,
        SkillDemandView view)
    {
        ArgumentNullException.ThrowIfNull(skills);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(view);
        bool Shown(SkillDemandInput s) =>
            (view.SkillCategory is null || s.Category == view.SkillCategory) && (view.SkillIds.Count == 0 || view.SkillIds.Contains(s.SkillId));

        var kept = skills.Where(s => s.Learners >= minGroupSize).ToArray();
        var withheld = suppressedBySql + skills.Count(s => s.Learners < minGroupSize && Shown(s));
        var maxE = kept.Select(s => (double)s.Enrolled).DefaultIfEmpty(0).Max();
        var maxV = kept.Select(s => s.TargetWeight).DefaultIfEmpty(0).Max();
        var maxP = kept.Select(s => (double)s.Planned).DefaultIfEmpty(0).Max();
        var weight = (maxE > 0 ? settings.EnrolmentWeight : 0) + (maxV > 0 ? settings.TargetWeight : 0) + (maxP > 0 ? settings.PathWeight : 0);

        double Demand(SkillDemandInput s) => weight == 0
            ? 0
            : ((maxE > 0 ? settings.EnrolmentWeight * s.Enrolled / maxE : 0)
               + (maxV > 0 ? settings.TargetWeight * s.TargetWeight / maxV : 0)
               + (maxP > 0 ? settings.PathWeight * s.Planned / maxP : 0)) / weight;

        var ranked = kept.Where(Shown)
            .Select(s => (Input: s, Demand: Numbers.Exact(Demand(s)), Growth: Change(s.Acquired, s.AcquiredPrevious)))
            .OrderByDescending(s => s.Demand).ThenBy(s => s.Input.SkillName, StringComparer.Ordinal).ThenBy(s => s.Input.SkillId, StringComparer.Ordinal)
            .ToArray();
        var rows = ranked.Take(view.Limit).Select(s =>
        {
            var change = Change(s.Input.Enrolled, s.Input.EnrolledPrevious);
            return new SkillDemandRow(
                s.Input.SkillId,
                s.Input.SkillName,
                Numbers.Round(s.Demand, 3),
                Trend(s.Input.Enrolled, change, settings.TrendThreshold),
                change is { } r ? Numbers.Round(100 * r, 1) : null,
                null,
                null,
                s.Growth is { } g ? Numbers.Round(g, 3) : null);
        }).ToArray();

        var payload = new SkillDemandPayload
        {
            DefinitionVersion = DefinitionVersion,
            AsOf = asOf,
            DataStatus = skills.Count == 0 && withheld == 0 ? DataStatuses.NoData : DataStatuses.Ok,
            NotAvailable = UnavailablePaths,
            SkillDemand = rows,
            MarketInsights = Insights(ranked, view),
        };
        return (payload, SuppressionInfo.Segments(minGroupSize, withheld));
    }

    /// <summary>r = (cur − prev)/prev, null when prev = 0 (ANALYTICS.md §0.2).</summary>
    private static double? Change(int current, int previous) => previous == 0 ? null : Numbers.Exact((current - (double)previous) / previous);

    /// <summary>±5 % on the enrolment change; with no previous enrolment, any current one is an increase.</summary>
    private static string Trend(int current, double? change, double threshold) => change switch
    {
        null => current > 0 ? "increasing" : "stable",
        > 0 when change > threshold => "increasing",
        < 0 when change < -threshold => "decreasing",
        _ => "stable",
    };

    /// <summary>The highest demand; the fastest growth of acquisitions; the highest-demand skill in which the reader has a gap.</summary>
    private static List<MarketInsight> Insights(
        (SkillDemandInput Input, double Demand, double? Growth)[] ranked, SkillDemandView view)
    {
        var insights = new List<MarketInsight>();
        if (ranked.Length == 0)
        {
            return insights;
        }

        var top = ranked[0];
        insights.Add(new MarketInsight(
            Text($"{top.Input.SkillName} has the highest demand {view.ScopeText} (demand score {Numbers.Round(top.Demand, 3):0.###})."),
            "high",
            Text($"Keep enough courses and learning paths teaching {top.Input.SkillName} open for new learners.")));

        var growing = ranked.Where(s => s.Growth > 0).OrderByDescending(s => s.Growth).ThenByDescending(s => s.Demand).FirstOrDefault();
        if (growing.Input is not null)
        {
            insights.Add(new MarketInsight(
                Text($"{growing.Input.SkillName} is acquired fastest: {Numbers.Round(100 * growing.Growth!.Value, 1):+0.#;-0.#;0}% against the previous {view.TimeframeText}."),
                "medium",
                Text($"Offer follow-on material for {growing.Input.SkillName} to the learners acquiring it.")));
        }

        var gap = ranked.FirstOrDefault(s => view.ReaderGaps.Contains(s.Input.SkillId));
        if (gap.Input is not null && view.GapOwner is not null)
        {
            insights.Add(view.GapOwner == "learner"
                ? new MarketInsight(
                    Text($"{gap.Input.SkillName} is in high demand and is one of your skill gaps."),
                    "high",
                    Text($"Start a course or learning path teaching {gap.Input.SkillName}."))
                : new MarketInsight(
                    Text($"{gap.Input.SkillName} is in high demand and employees of your organisation are below its target level."),
                    "high",
                    Text($"Assign a course teaching {gap.Input.SkillName} to the employees below the target level.")));
        }

        return insights;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
