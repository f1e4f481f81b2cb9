namespace Analytics.Api.Features.Gamification.Shared;

/// <summary>Which badges a learner holds and since when: the day the evidence count reached the badge's threshold.</summary>
public static class BadgeEvaluator
{
    public static IReadOnlyList<BadgeState> Evaluate(ILookup<string, DateOnly> evidence, StreakResult streak, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(streak);
        return BadgeCatalogue.All.Select(badge =>
        {
            var days = (badge.Evidence == BadgeEvidence.StreakLength ? streak.ReachedOn : evidence[badge.Evidence])
                .Where(d => d <= today)
                .Order()
                .ToArray();
            var earnedOn = days.Length >= badge.Threshold ? days[badge.Threshold - 1] : (DateOnly?)null;
            return new BadgeState(badge, earnedOn, days.Length, days.Count(d => d > today.AddDays(-90)));
        }).ToArray();
    }
}
