using Analytics.Api.Features.Gamification.Shared;
using Analytics.Api.Shared.Analytics;
using Mediator;
using Npgsql;

namespace Analytics.Api.Features.Gamification.Streak;

/// <summary>A learner's streaks in their own time zone, with freezes (ANALYTICS.md §6.3), computed from the store for the request.</summary>
public sealed class StreakHandler(NpgsqlDataSource dataSource, IConfiguration configuration, PrivacySettings privacy, TimeProvider timeProvider)
    : IQueryHandler<StreakQuery, AnalyticResult<StreakPayload>>
{
    private static readonly int[] Milestones = [7, 30, 90, 365];

    public async ValueTask<AnalyticResult<StreakPayload>> Handle(StreakQuery query, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var settings = GamificationSettings.From(configuration);
        var (facts, state, _) = await LearnerGamification.ReadAsync(dataSource, query.UserId, settings, privacy, now, cancellationToken);
        var payload = Build(state.Streak, state.Today) with { AsOf = state.Today, Source = facts.Context.Source };
        return new AnalyticResult<StreakPayload>(
            "gamification", payload, new AnalyticSubject("learner", query.UserId), now, facts.Context.DataAsOf, facts.Context.Source);
    }

    public static StreakPayload Build(StreakResult streak, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(streak);
        return new StreakPayload
        {
            DefinitionVersion = GamificationVersions.Gamification,
            DataStatus = streak.Runs.Count == 0 ? DataStatuses.NoData : DataStatuses.Ok,
            CurrentStreak = streak.Current,
            LongestStreak = streak.Longest,
            AverageStreak = streak.Average(today),
            FreezesHeld = streak.FreezesHeld,
            StreakHistory = streak.Runs
                .Where(r => r.End > today.AddDays(-365))
                .Select(r => new StreakPeriod(r.Start, r.End, r.Length, r.Active ? "active" : "broken"))
                .ToArray(),
            Milestones = Milestones.Select(m => streak.Longest >= m
                    ? new StreakMilestone(m, true, streak.ReachedOn[m - 1], null)
                    : new StreakMilestone(m, false, null, Numbers.Round((double)streak.Current / m, 3)))
                .ToArray(),
        };
    }
}
