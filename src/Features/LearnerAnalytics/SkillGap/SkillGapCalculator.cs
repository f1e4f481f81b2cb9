using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.LearnerAnalytics.SkillGap;

/// <summary>Skill-gap matrix, `skill-gap@1.0` (ANALYTICS.md §1.2): gap and priority per target skill of the learner.</summary>
public static class SkillGapCalculator
{
    public const string DefinitionVersion = "skill-gap@1.0";

    /// <summary>The JSON path listed in `notAvailable` while the skill-demand analytic (#16) cannot be read.</summary>
    public const string MarketDemandPath = "skills[].marketDemand";

    /// <summary>
    /// Computes the matrix. <paramref name="demandScores"/> holds #16's platform demandScore (0–1) per skill; null means #16 is
    /// not available at all (its field is then listed in `notAvailable` and the result is partial, §0.7); a skill missing from
    /// the map is one #16 suppresses or lacks (null, neutral demand in the formula).
    /// </summary>
    public static SkillGapPayload Compute(
        DateOnly asOf,
        IReadOnlyList<SkillGapTarget> targetRows,
        IReadOnlyList<SkillGapTargetCount> targetCounts,
        IReadOnlyList<SkillGapPrecedence> precedences,
        IReadOnlyDictionary<string, double>? demandScores,
        SkillGapSettings settings,
        string? category = null,
        bool criticalOnly = false)
    {
        var targets = Resolve(targetRows);
        if (targets.Count == 0)
        {
            return new SkillGapPayload
            {
                DefinitionVersion = DefinitionVersion,
                AsOf = asOf,
                DataStatus = DataStatuses.NoData,
                Skills = [],
                Categories = [],
                Summary = new SkillGapSummary(0, 0, 0, null),
            };
        }

        var openGaps = targets.Where(t => t.Gap > 0).Select(t => t.SkillId).ToHashSet(StringComparer.Ordinal);
        var precedes = precedences
            .Where(p => p.SkillId != p.PrecedesSkillId && openGaps.Contains(p.PrecedesSkillId))
            .GroupBy(p => p.SkillId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.PrecedesSkillId).Distinct(StringComparer.Ordinal).Count(), StringComparer.Ordinal);
        var platformTargets = targetCounts.ToDictionary(c => c.SkillId, c => c.Targets, StringComparer.Ordinal);

        var rows = targets
            .Select(t => Row(t, precedes.GetValueOrDefault(t.SkillId), platformTargets.GetValueOrDefault(t.SkillId), demandScores, settings))
            .Where(r => category is null || string.Equals(r.Category, category, StringComparison.Ordinal))
            .Where(r => !criticalOnly || r.IsCritical)
            .OrderByDescending(r => r.Priority)
            .ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(r => r.Name, StringComparer.Ordinal)
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToArray();

        return new SkillGapPayload
        {
            DefinitionVersion = DefinitionVersion,
            AsOf = asOf,
            DataStatus = demandScores is null ? DataStatuses.Partial : DataStatuses.Ok,
            NotAvailable = demandScores is null ? [MarketDemandPath] : [],
            Skills = rows,
            Categories = rows.Select(r => r.Category).OfType<string>().Distinct(StringComparer.Ordinal)
                .OrderBy(c => c, StringComparer.OrdinalIgnoreCase).ThenBy(c => c, StringComparer.Ordinal).ToArray(),
            Summary = new SkillGapSummary(
                rows.Length,
                rows.Count(r => r.Gap == 0),
                rows.Count(r => r.IsCritical && r.Gap > 0),
                rows.Length == 0 ? null : Numbers.Round(rows.Average(r => r.Gap), 2)),
        };
    }

    private static SkillGapSkill Row(
        ResolvedTarget target, int precededOpenGaps, int platformTargets, IReadOnlyDictionary<string, double>? demandScores, SkillGapSettings settings)
    {
        var gapNorm = target.TargetLevel == 0 ? 0 : 100.0 * target.Gap / target.TargetLevel;
        var businessNorm = BusinessNorm(target.BusinessPriority);
        double? marketDemand = demandScores is not null && demandScores.TryGetValue(target.SkillId, out var score) ? 100 * score : null;
        var prereqNorm = Math.Min(100, 20 * precededOpenGaps);
        var careerNorm = Math.Min(100, 5 * platformTargets);
        var raw = Math.Clamp(
            settings.GapWeight * gapNorm
            + settings.BusinessWeight * businessNorm
            + settings.MarketDemandWeight * (marketDemand ?? settings.NeutralDemand)
            + settings.PrerequisitesWeight * prereqNorm
            + settings.CareerWeight * careerNorm,
            0,
            100);

        // isCritical (1B, all three clauses); the priority threshold compares the unrounded value (§0.2).
        var isCritical = target.Gap >= 2
                         || Numbers.Exact(raw) >= 80
                         || (target.Gap >= 1 && target.BusinessPriority is "critical" or "high");

        return new SkillGapSkill(
            target.SkillId,
            target.Name,
            target.Category,
            target.CurrentLevel,
            target.TargetLevel,
            target.Gap,
            Numbers.RoundToInt(raw),
            isCritical,
            businessNorm,
            marketDemand is { } demand ? Numbers.RoundToInt(demand) : null,
            prereqNorm,
            careerNorm);
    }

    private static int BusinessNorm(string priority) => priority switch
    {
        "critical" => 100,
        "high" => 75,
        "medium" => 50,
        _ => 25,
    };

    /// <summary>
    /// The targets of U: a department-specific row overrides the org-wide row of the same skill; among rows of the same
    /// specificity the highest required level and the highest business priority win.
    /// </summary>
    private static List<ResolvedTarget> Resolve(IReadOnlyList<SkillGapTarget> rows) =>
        rows.GroupBy(r => r.SkillId, StringComparer.Ordinal)
            .Select(g =>
            {
                var specific = g.Any(r => r.DepartmentSpecific) ? g.Where(r => r.DepartmentSpecific).ToArray() : g.ToArray();
                var first = specific[0];
                var targetLevel = specific.Max(r => r.RequiredLevel);
                var current = first.CurrentLevel ?? 0;
                return new ResolvedTarget(
                    g.Key,
                    first.Name,
                    first.Category,
                    targetLevel,
                    specific.MaxBy(r => BusinessNorm(r.BusinessPriority))!.BusinessPriority,
                    current,
                    Math.Max(0, targetLevel - current));
            })
            .ToList();

    private sealed record ResolvedTarget(
        string SkillId, string Name, string? Category, int TargetLevel, string BusinessPriority, int CurrentLevel, int Gap);
}
