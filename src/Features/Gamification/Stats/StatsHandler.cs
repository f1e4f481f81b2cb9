using System.Globalization;
using Analytics.Api.Features.Gamification.Shared;
using Analytics.Api.Shared.Analytics;
using Mediator;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace Analytics.Api.Features.Gamification.Stats;

/// <summary>
/// Points, level, badges, streaks, the month's organisation rank and the last 10 ledger rows of one learner. Week and month are the
/// calendar periods of the organisation's today (ANALYTICS.md §6.1), applied to the ledger's local days.
/// </summary>
public sealed class StatsHandler(
    NpgsqlDataSource dataSource, IConfiguration configuration, PrivacySettings privacy, SymmetricSecurityKey signingKey, TimeProvider timeProvider)
    : IQueryHandler<StatsQuery, AnalyticResult<StatsPayload>>
{
    public async ValueTask<AnalyticResult<StatsPayload>> Handle(StatsQuery query, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var settings = GamificationSettings.From(configuration);
        var (facts, state, rarity) = await LearnerGamification.ReadAsync(dataSource, query.UserId, settings, privacy, now, cancellationToken);
        var lifetime = state.Lifetime;
        var level = settings.Levels.For(lifetime);
        var today = state.Today;
        var weekStart = LeaderboardReader.From("week", today)!.Value;
        var monthStart = LeaderboardReader.From("month", today)!.Value;

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var organisation = await LeaderboardReader.OrganisationAsync(connection, facts.Context.OrganisationId, now, cancellationToken);
        var rows = await LeaderboardReader.RowsAsync(connection, "organisation", facts.Context.OrganisationId, null, monthStart, today,
            organisation.TimeZone, cancellationToken);
        var board = LeaderboardRules.Rank(rows, "points", false, "organisation", query.UserId, facts.Context.OrganisationId,
            privacy.MinGroupSizeFor(organisation.MinGroupSize), LeaderboardRules.AnonymisationKey(signingKey.Key), settings.Levels);

        var payload = new StatsPayload
        {
            DefinitionVersion = GamificationVersions.Gamification,
            AsOf = today,
            Source = facts.Context.Source,
            DataStatus = state.Ledger.Count == 0 && state.Streak.Runs.Count == 0 ? DataStatuses.NoData : DataStatuses.Ok,
            TotalPoints = lifetime,
            Level = level.Number,
            LevelName = level.Name,
            LevelProgress = level.Progress(lifetime),
            NextLevelPoints = level.NextLevelPoints(lifetime),
            PointsThisWeek = state.PointsSince(weekStart),
            PointsThisMonth = state.PointsSince(monthStart),
            Badges = state.Badges.Where(b => b.Earned).OrderByDescending(b => b.EarnedOn).Select(b => Achievement.From(b, rarity)).ToArray(),
            Achievements = state.Badges.Where(b => !b.Earned && b.Current > 0).OrderByDescending(b => b.Progress)
                .Select(b => Achievement.From(b, rarity)).ToArray(),
            Streaks = new StatsStreaks(state.Streak.Current, state.Streak.Longest, state.Streak.Average(today), state.Streak.FreezesHeld),
            Leaderboard = board.Suppressed || board.UserRanking is null
                ? null
                : new StatsLeaderboard(board.UserRanking.Rank, board.Entries.Count, board.UserRanking.Percentile),
            RecentActivity = state.Ledger
                .OrderByDescending(e => e.Day).ThenByDescending(e => e.AwardedAt)
                .Take(10)
                .Select(e => new StatsActivity(e.Rule, e.Points, Describe(e), e.AwardedAt))
                .ToArray(),
            NotAvailable = board.Suppressed ? ["leaderboard"] : [],
        };
        return new AnalyticResult<StatsPayload>(
            "gamification", payload, new AnalyticSubject("learner", query.UserId), now, facts.Context.DataAsOf, facts.Context.Source);
    }

    private static string Describe(AwardedPoints entry)
    {
        var day = entry.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var what = entry.Rule switch
        {
            PointRules.CourseCompleted => "Course completed",
            PointRules.SkillAcquired => "Skill acquired",
            PointRules.AssessmentScored => "Assessment scored",
            PointRules.PracticePassed => "Practice passed",
            PointRules.StreakDay => "Streak day",
            _ => "Adjustment",
        };
        return entry.Capped ? $"{what} on {day} (daily cap reached)" : $"{what} on {day}";
    }
}
