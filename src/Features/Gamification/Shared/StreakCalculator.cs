namespace Analytics.Api.Features.Gamification.Shared;

/// <summary>Streaks and freezes of ANALYTICS.md §6.3 over a learner's active local days, pure.</summary>
public static class StreakCalculator
{
    /// <summary>
    /// Walks every local day from the first active one to <paramref name="today"/>. An active day extends the run (the run's 7th, 14th, …
    /// consecutive active day earns a freeze while fewer than <paramref name="maxFreezes"/> are held). A past day without activity spends
    /// a freeze at its midnight, which keeps the run and resets the consecutive count; with none held the run ends. Today without activity
    /// yet ends nothing. The run still open at the end is the current one (it includes yesterday or today).
    /// </summary>
    public static StreakResult Compute(IEnumerable<DateOnly> activeDays, DateOnly today, int maxFreezes)
    {
        ArgumentNullException.ThrowIfNull(activeDays);
        var active = activeDays.Where(d => d <= today).ToHashSet();
        if (active.Count == 0)
        {
            return StreakResult.None;
        }

        var runs = new List<StreakRun>();
        var streakDays = new List<DateOnly>();
        var reachedOn = new List<DateOnly>();
        int held = 0, earned = 0, used = 0;
        DateOnly? start = null;
        DateOnly end = default;
        int length = 0, consecutive = 0, runFreezes = 0;
        for (var day = active.Min(); day <= today; day = day.AddDays(1))
        {
            if (active.Contains(day))
            {
                start ??= day;
                end = day;
                length++;
                consecutive++;
                if (length >= 2)
                {
                    streakDays.Add(day);
                }

                if (length > reachedOn.Count)
                {
                    reachedOn.Add(day);
                }

                if (consecutive % 7 == 0 && held < maxFreezes)
                {
                    held++;
                    earned++;
                }
            }
            else if (start is not null && day < today)
            {
                if (held > 0)
                {
                    held--;
                    used++;
                    runFreezes++;
                    consecutive = 0;
                }
                else
                {
                    runs.Add(new StreakRun(start.Value, end, length, runFreezes, Active: false));
                    (start, length, consecutive, runFreezes) = (null, 0, 0, 0);
                }
            }
        }

        StreakRun? current = start is null ? null : new StreakRun(start.Value, end, length, runFreezes, Active: true);
        if (current is not null)
        {
            runs.Add(current);
        }

        var longest = runs.OrderByDescending(r => r.Length).ThenBy(r => r.Start).First();
        return new StreakResult(
            current?.Length ?? 0,
            current?.Start,
            longest.Length,
            longest.Start,
            held,
            earned,
            used,
            active.Max(),
            runs,
            streakDays,
            reachedOn);
    }
}
