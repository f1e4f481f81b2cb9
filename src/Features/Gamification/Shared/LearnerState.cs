namespace Analytics.Api.Features.Gamification.Shared;

/// <summary>
/// A learner's gamification state as of the organisation's today: streaks, badges, the ledger rows still to add, and the ledger as it
/// stands once they are added.
/// </summary>
public sealed record LearnerState(
    DateOnly Today,
    StreakResult Streak,
    IReadOnlyList<BadgeState> Badges,
    IReadOnlyList<LedgerEntry> NewEntries,
    IReadOnlyList<AwardedPoints> Ledger)
{
    public long Lifetime => Ledger.Sum(e => (long)e.Points);

    /// <summary>Σ points of ledger rows dated from <paramref name="from"/> to today.</summary>
    public int PointsSince(DateOnly from) => Ledger.Where(e => e.Day >= from && e.Day <= Today).Sum(e => e.Points);
}
