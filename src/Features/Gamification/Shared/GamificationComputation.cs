namespace Analytics.Api.Features.Gamification.Shared;

/// <summary>One learner's facts → streaks, badges and new ledger rows (ANALYTICS.md §6; DATA_MODEL.md §4), pure.</summary>
public static class GamificationComputation
{
    /// <summary>
    /// Only facts dated within `AwardWindowDays` of today earn points (DATA_MODEL.md §4), so purging old ledger rows can never award
    /// a fact twice; streaks and badges read the whole history.
    /// </summary>
    public static LearnerState Compute(LearnerFacts facts, GamificationSettings settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(settings);
        var today = facts.Context.ReferenceDate;
        var streak = StreakCalculator.Compute(facts.ActiveDays, today, settings.MaxFreezes);
        var badges = BadgeEvaluator.Evaluate(facts.Evidence, streak, today);
        var firstAwardDay = today.AddDays(-settings.AwardWindowDays);
        var candidates = facts.Facts.Concat(PointsCalculator.StreakDays(streak)).Where(f => f.Day >= firstAwardDay && f.Day <= today);
        var entries = PointsCalculator.Award(candidates, facts.Awarded, settings.DailyCap);
        var ledger = facts.Awarded
            .Concat(entries.Select(e => new AwardedPoints(e.Rule, e.SourceEventId, e.Day, e.Points, e.Capped, now)))
            .ToArray();
        return new LearnerState(today, streak, badges, entries, ledger);
    }
}
