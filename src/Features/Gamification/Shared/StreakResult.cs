namespace Analytics.Api.Features.Gamification.Shared;

/// <summary>
/// A learner's streaks through today (ANALYTICS.md §6.3). <see cref="ReachedOn"/>[n − 1] is the first day any run reached n active days,
/// the evidence of the Streak badges and milestones.
/// </summary>
public sealed record StreakResult(
    int Current,
    DateOnly? CurrentStart,
    int Longest,
    DateOnly? LongestStart,
    int FreezesHeld,
    int FreezesEarned,
    int FreezesUsed,
    DateOnly? LastActiveDay,
    IReadOnlyList<StreakRun> Runs,
    IReadOnlyList<DateOnly> StreakDays,
    IReadOnlyList<DateOnly> ReachedOn)
{
    public static readonly StreakResult None = new(0, null, 0, null, 0, 0, 0, null, [], [], []);

    /// <summary>averageStreak: mean length of the runs ≥ 2 that end in the last 365 days, 1 dp; null without one.</summary>
    public double? Average(DateOnly today)
    {
        var lengths = Runs.Where(r => r.Length >= 2 && r.End > today.AddDays(-365)).Select(r => r.Length).ToArray();
        return lengths.Length == 0 ? null : Analytics.Api.Shared.Analytics.Numbers.Round(lengths.Average(), 1);
    }
}
