using System.Globalization;
using Analytics.Api.Features.Comparison.Shared;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.Comparison.PeerComparison;

/// <summary>
/// Peer comparison, `peer-comparison@1.0` (ANALYTICS.md §4.1, privacy §0.5): the subject's metric values (ratios) and composite
/// against the peers of its group, ranks and percentile ranks of §0.2, skill comparisons, the anonymised group figures, insights
/// and recommendations. Fewer than k peers withholds the whole response; a metric or skill with fewer than k peers is removed and
/// counted as a suppressed segment.
/// </summary>
public static class PeerComparisonCalculator
{
    public const string DefinitionVersion = "peer-comparison@1.0";

    public static PeerComparisonResult Compute(
        DateOnly asOf,
        PeerForm form,
        PeerPopulation population,
        string subjectId,
        IReadOnlyList<double?> subjectValues,
        IReadOnlyList<SubjectSkill> subjectSkills,
        int minGroupSize)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(subjectValues);
        ArgumentNullException.ThrowIfNull(subjectSkills);
        var self = population.Member(subjectId);
        var composite = PeerMember.CompositeOf(subjectValues);
        var overall = population.Composite.Against(composite, self?.Composite);
        if (overall is null || overall.Count < minGroupSize)
        {
            return new PeerComparisonResult(Suppressed(asOf, minGroupSize), SuppressionInfo.WholeGroup(minGroupSize));
        }

        var withheld = 0;
        var metrics = new List<(string Label, PerformanceComparison Row)>();
        for (var i = 0; i < form.Metrics.Count; i++)
        {
            var stats = population.Metrics[i].Against(subjectValues[i], self?.Values[i]);
            if (stats is null || stats.Count < minGroupSize)
            {
                withheld++;
                continue;
            }

            var user = subjectValues[i];
            metrics.Add((form.Labels[i], new PerformanceComparison(
                form.Metrics[i],
                Ratio(user),
                Ratio(stats.Mean),
                Ratio(stats.Median),
                user is null ? null : stats.Rank,
                user is null ? null : stats.Percentile)));
        }

        var skills = new List<(SkillComparison Row, PeerStats Stats, LevelHistogram Histogram, int? Excluded)>();
        if (form.HasSkillsAndProgress)
        {
            foreach (var skill in subjectSkills)
            {
                var histogram = population.Skills.GetValueOrDefault(skill.SkillId);
                int? excluded = self is null ? null : skill.Level;
                var stats = histogram?.Against(skill.Level, excluded);
                if (histogram is null || stats is null || stats.Count < minGroupSize)
                {
                    withheld++;
                    continue;
                }

                skills.Add((new SkillComparison(
                    skill.SkillId, skill.SkillName, Ratio(skill.Level / 4.0)!.Value, Ratio(stats.Mean / 4)!.Value, Ratio(stats.Median / 4)!.Value,
                    stats.Rank, stats.Percentile), stats, histogram, excluded));
            }
        }

        var payload = new PeerComparisonPayload
        {
            DefinitionVersion = DefinitionVersion,
            AsOf = asOf,
            DataStatus = composite is null ? DataStatuses.NoData
                : subjectValues.Any(v => v is null) ? DataStatuses.Partial : DataStatuses.Ok,
            ComponentsUsed = form.Metrics.Where((_, i) => subjectValues[i] is not null).ToArray(),
            NotAvailable = NotAvailable(form),
            UserRanking = new UserRanking(composite is null ? null : overall.Rank, overall.Count + 1, composite is null ? null : overall.Percentile),
            PerformanceComparisons = metrics.Select(m => m.Row).ToArray(),
            SkillComparisons = skills.OrderBy(s => s.Row.SkillName, StringComparer.Ordinal).Select(s => s.Row).ToArray(),
            AnonymizedPeerData = [PeerGroup(form, population, self, minGroupSize, subjectSkills)],
            Insights = Insights(metrics),
            Recommendations = Recommendations(skills),
        };
        return new PeerComparisonResult(
            payload, SuppressionInfo.Segments(minGroupSize, withheld));
    }

    /// <summary>The whole response withheld (ANALYTICS.md §0.5): the shape kept, every aggregate null, every list empty.</summary>
    public static PeerComparisonPayload Suppressed(DateOnly asOf, int minGroupSize) => new()
    {
        DefinitionVersion = DefinitionVersion,
        AsOf = asOf,
        Suppressed = true,
        Message = SuppressionInfo.MessageFor(minGroupSize),
        UserRanking = new UserRanking(null, null, null),
        PerformanceComparisons = [],
        SkillComparisons = [],
        AnonymizedPeerData = [],
        Insights = [],
        Recommendations = [],
    };

    /// <summary>Cohort forms have no enrolment progress of their own (and trainers no engagement): null and listed.</summary>
    private static List<string> NotAvailable(PeerForm form)
    {
        var paths = new List<string>();
        if (!form.HasSkillsAndProgress)
        {
            paths.Add("anonymizedPeerData[0].averageProgress");
        }

        if (form.EngagementMetric is null)
        {
            paths.Add("anonymizedPeerData[0].averageEngagement");
        }

        return paths;
    }

    private static AnonymizedPeerGroup PeerGroup(
        PeerForm form, PeerPopulation population, PeerMember? self, int minGroupSize, IReadOnlyList<SubjectSkill> subjectSkills)
    {
        double? engagement = null;
        if (form.EngagementMetric is { } e)
        {
            var stats = population.Metrics[e].Against(null, self?.Values[e]);
            engagement = stats is not null && stats.Count >= minGroupSize ? Ratio(stats.Mean) : null;
        }

        if (!form.HasSkillsAndProgress)
        {
            return new AnonymizedPeerGroup(form.PeerGroup, null, engagement, [], []);
        }

        // Mean progress_pct of the peers' active enrolments; the subject's own enrolments are taken out.
        var people = population.ProgressPeople - (self is { ProgressEnrolments: > 0 } ? 1 : 0);
        var enrolments = population.ProgressEnrolments - (self?.ProgressEnrolments ?? 0);
        var total = population.ProgressTotal - (self?.ProgressTotal ?? 0);
        double? progress = people >= minGroupSize && enrolments > 0 ? Ratio(total / enrolments / 100) : null;

        var ownLevels = subjectSkills.ToDictionary(s => s.SkillId, s => s.Level, StringComparer.Ordinal);
        var means = population.Skills.Values
            .Select(h => (h.SkillName, Stats: h.Against(null, self is not null && ownLevels.TryGetValue(h.SkillId, out var l) ? l : null)))
            .Where(s => s.Stats is not null && s.Stats.Count >= minGroupSize)
            .Select(s => (Name: s.SkillName, Mean: Numbers.Exact(s.Stats!.Mean)))
            .ToArray();
        var strengths = means.OrderByDescending(s => s.Mean).ThenBy(s => s.Name, StringComparer.Ordinal).Take(2).Select(s => s.Name).ToArray();
        var challenges = means.Where(s => !strengths.Contains(s.Name)).OrderBy(s => s.Mean).ThenBy(s => s.Name, StringComparer.Ordinal)
            .Take(2).Select(s => s.Name).ToArray();
        return new AnonymizedPeerGroup(form.PeerGroup, progress, engagement, strengths, challenges);
    }

    /// <summary>The best metric at percentile ≥ 75 is a strength; the worst at ≤ 25 an opportunity.</summary>
    private static List<PeerInsight> Insights(IReadOnlyList<(string Label, PerformanceComparison Row)> metrics)
    {
        var ranked = metrics.Where(m => m.Row.Percentile is not null).ToArray();
        var insights = new List<PeerInsight>();
        if (ranked.Length == 0)
        {
            return insights;
        }

        var best = ranked.OrderByDescending(m => m.Row.Percentile).First();
        if (best.Row.Percentile >= 75)
        {
            insights.Add(new PeerInsight("strength", string.Create(CultureInfo.InvariantCulture,
                $"Your {best.Label} is at percentile {best.Row.Percentile} of your peers: one of your strengths.")));
        }

        var worst = ranked.OrderBy(m => m.Row.Percentile).First();
        if (worst.Row.Percentile <= 25)
        {
            insights.Add(new PeerInsight("opportunity", string.Create(CultureInfo.InvariantCulture,
                $"Your {worst.Label} is at percentile {worst.Row.Percentile} of your peers: the area with the most room to grow.")));
        }

        return insights;
    }

    /// <summary>Skills below the 25th percentile: reach ⌈peer median⌉, with the percentile that level would give.</summary>
    private static List<PeerRecommendation> Recommendations(
        IReadOnlyList<(SkillComparison Row, PeerStats Stats, LevelHistogram Histogram, int? Excluded)> skills)
    {
        var recommendations = new List<PeerRecommendation>();
        foreach (var (row, stats, histogram, excluded) in skills.Where(s => s.Stats.Percentile < 25).OrderBy(s => s.Stats.Percentile))
        {
            var target = (int)Math.Ceiling(Numbers.Exact(stats.Median));
            var current = (int)Math.Round(row.UserLevel * 4);
            if (target <= current)
            {
                continue;
            }

            var after = histogram.Against(target, excluded)!.Percentile;
            recommendations.Add(new PeerRecommendation(
                row.SkillId,
                row.SkillName,
                string.Create(CultureInfo.InvariantCulture, $"Reach level {target}"),
                stats.Percentile < 10 ? "high" : "medium",
                string.Create(CultureInfo.InvariantCulture, $"percentile {stats.Percentile} → {after}")));
        }

        return recommendations;
    }

    private static double? Ratio(double? value) => value is { } v ? Numbers.Round(v, 3) : null;
}
