namespace Analytics.Api.Features.Gamification.Shared;

/// <summary>The awarding rule of ANALYTICS.md §6.1 and DATA_MODEL.md §4, pure: once per fact, capped per local day in event-time order.</summary>
public static class PointsCalculator
{
    /// <summary>
    /// The ledger rows <paramref name="facts"/> add to <paramref name="awarded"/>. A fact already in the ledger earns nothing again; the
    /// others are processed in time order per day, each granted least(requested, cap − already granted that day), so the event that
    /// crosses the cap is cut to the remainder and later ones earn 0, all marked capped. Rows already awarded keep their points.
    /// </summary>
    public static IReadOnlyList<LedgerEntry> Award(IEnumerable<PointFact> facts, IEnumerable<AwardedPoints> awarded, int dailyCap)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(awarded);
        var existing = awarded.ToArray();
        var seen = existing.Select(a => (a.Rule, a.SourceEventId)).ToHashSet();
        var granted = existing.GroupBy(a => a.Day).ToDictionary(g => g.Key, g => g.Sum(a => Math.Max(0, a.Points)));
        var entries = new List<LedgerEntry>();
        var ordered = facts
            .Where(f => f.Points > 0)
            .DistinctBy(f => (f.Rule, f.SourceEventId))
            .Where(f => !seen.Contains((f.Rule, f.SourceEventId)))
            .OrderBy(f => f.Day)
            .ThenBy(f => f.At ?? DateTimeOffset.MaxValue)
            .ThenBy(f => PointRules.Order(f.Rule))
            .ThenBy(f => f.SourceEventId, StringComparer.Ordinal);
        foreach (var fact in ordered)
        {
            var already = granted.GetValueOrDefault(fact.Day);
            var points = Math.Clamp(dailyCap - already, 0, fact.Points);
            granted[fact.Day] = already + points;
            entries.Add(new LedgerEntry(fact.Rule, fact.SourceEventId, fact.Day, fact.Points, points, points < fact.Points));
        }

        return entries;
    }

    /// <summary>The streak-day facts of a streak (10 points per active day that makes the current run ≥ 2, ANALYTICS.md §6.1).</summary>
    public static IEnumerable<PointFact> StreakDays(StreakResult streak)
    {
        ArgumentNullException.ThrowIfNull(streak);
        return streak.StreakDays.Select(day => new PointFact(
            PointRules.StreakDay, day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), day, null, PointRules.StreakDayPoints));
    }
}
