using Analytics.Api.Shared.Freshness;

namespace Analytics.Api.Shared.Scheduling;

/// <summary>
/// One subject type's walk of a recalculation with the analytics stored for it, in stage order (ANALYTICS.md §0.7: analytics that
/// read other analytics' results come after them). Passes run in the order of their lowest stage, so learner analytics (0) are
/// written before the trainer analytics (1) that read them.
/// </summary>
public sealed record RecalculationPass(string SubjectType, string Role, IReadOnlyList<ISnapshotAnalytic> Analytics)
{
    public int Stage => Analytics.Min(a => a.Stage);

    public string Describe() => $"{SubjectType} [{string.Join(' ', Analytics.Select(a => a.Analytic))}]";

    /// <summary>The passes for <paramref name="only"/> (analytic ids; null or empty = all) over the subject types that have a subject list.</summary>
    public static List<RecalculationPass> Plan(IEnumerable<ISnapshotAnalytic> all, IReadOnlyList<string>? only) =>
        all.Where(a => only is null || only.Count == 0 ? a.InNightlyRun : only.Contains(a.Analytic, StringComparer.Ordinal))
            .Where(a => RecalculationSubjects.Supports(a.SubjectType))
            .GroupBy(a => a.SubjectType, StringComparer.Ordinal)
            .Select(g => new RecalculationPass(
                g.Key,
                RoleFamilies.FamilyOf(g.Key),
                g.OrderBy(a => a.Stage).ThenBy(a => a.Analytic, StringComparer.Ordinal).ToArray()))
            .OrderBy(p => p.Stage)
            .ThenBy(p => p.SubjectType, StringComparer.Ordinal)
            .ToList();
}
