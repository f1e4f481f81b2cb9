using System.Text.Json;
using Analytics.Api.Shared.Database;
using Dapper;
using Npgsql;

namespace Analytics.Api.Features.Gamification.Shared;

/// <summary>
/// Rebuilds gamification for every learner of an organisation (or of all): new ledger rows (awarded once, DATA_MODEL.md §4), point days,
/// user totals and levels, streaks and their periods, and badges. Set-based: one read and one write per chunk of learners. Idempotent:
/// a second run over unchanged facts adds no ledger row and writes the same derived rows.
/// </summary>
public sealed partial class GamificationLedger(
    NpgsqlDataSource dataSource, IConfiguration configuration, TimeProvider timeProvider, ILogger<GamificationLedger> logger)
{
    private const int ChunkSize = 500;

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Recomputes the learners of <paramref name="organisationId"/> (null = every organisation); returns how many.</summary>
    public async Task<int> RecomputeAsync(string? organisationId, CancellationToken cancellationToken)
    {
        var settings = GamificationSettings.From(configuration);
        var now = timeProvider.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            SqlQueries.Get("GamificationLedger.Catalogue"),
            new { badges = JsonSerializer.Serialize(BadgeCatalogue.All, Json) },
            cancellationToken: cancellationToken));
        var learners = (await connection.QueryAsync<(string UserId, string OrganisationId)>(new CommandDefinition(
            SqlQueries.Get("GamificationLedger.Learners"), new { organisationId }, cancellationToken: cancellationToken))).ToArray();
        var added = 0;
        foreach (var organisation in learners.GroupBy(l => l.OrganisationId, StringComparer.Ordinal))
        {
            foreach (var chunk in organisation.Select(l => l.UserId).Chunk(ChunkSize))
            {
                added += await RecomputeChunkAsync(connection, organisation.Key, chunk, settings, now, cancellationToken);
            }
        }

        LogRecomputed(logger, organisationId ?? "*", learners.Length, added);
        return learners.Length;
    }

    private static async Task<int> RecomputeChunkAsync(
        NpgsqlConnection connection, string organisationId, string[] userIds, GamificationSettings settings, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var facts = await GamificationFacts.ReadAsync(connection, userIds, now, settings, cancellationToken);
        var states = facts.ToDictionary(f => f.Key, f => (Facts: f.Value, State: GamificationComputation.Compute(f.Value, settings, now)));
        var events = states.SelectMany(s => s.Value.State.NewEntries.Select(e => new
        {
            UserId = s.Key,
            e.Rule,
            e.SourceEventId,
            e.Day,
            e.PointsRequested,
            e.Points,
            e.Capped,
        }));
        var points = states.Select(s =>
        {
            var today = s.Value.State.Today;
            var weekStart = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
            var monthStart = new DateOnly(today.Year, today.Month, 1);
            var lifetime = s.Value.State.Lifetime;
            return new
            {
                UserId = s.Key,
                OrganisationId = s.Value.Facts.Context.OrganisationId,
                Lifetime = lifetime,
                Level = settings.Levels.For(lifetime).Number,
                WeekStart = weekStart,
                WeekPoints = s.Value.State.PointsSince(weekStart),
                MonthStart = monthStart,
                MonthPoints = s.Value.State.PointsSince(monthStart),
                YearPoints = s.Value.State.PointsSince(new DateOnly(today.Year, 1, 1)),
            };
        });
        var streaks = states.Select(s =>
        {
            var streak = s.Value.State.Streak;
            return new
            {
                UserId = s.Key,
                CurrentLength = streak.Current,
                streak.CurrentStart,
                streak.LastActiveDay,
                LongestLength = streak.Longest,
                streak.LongestStart,
                FreezesAvailable = streak.FreezesHeld,
                FreezesEarnedTotal = streak.FreezesEarned,
                FreezesUsedTotal = streak.FreezesUsed,
                EvaluatedThrough = s.Value.State.Today,
            };
        });
        var periods = states.SelectMany(s => s.Value.State.Streak.Runs.Select(r => new
        {
            UserId = s.Key,
            StartedOn = r.Start,
            EndedOn = r.Active ? (DateOnly?)null : r.End,
            r.Length,
            r.FreezesUsed,
        }));
        var badges = states.SelectMany(s => s.Value.State.Badges.Where(b => b.Earned).Select(b => new
        {
            UserId = s.Key,
            BadgeId = b.Badge.Id,
            b.EarnedOn,
            s.Value.Facts.Context.TimeZone,
        }));

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            SqlQueries.Get("GamificationLedger.Write"),
            new
            {
                organisationId,
                users = userIds,
                now,
                events = JsonSerializer.Serialize(events, Json),
                points = JsonSerializer.Serialize(points, Json),
                streaks = JsonSerializer.Serialize(streaks, Json),
                periods = JsonSerializer.Serialize(periods, Json),
                badges = JsonSerializer.Serialize(badges, Json),
            },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return states.Sum(s => s.Value.State.NewEntries.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Gamification recomputed for {Scope}: {Learners} learners, {Added} new ledger rows")]
    private static partial void LogRecomputed(ILogger logger, string scope, int learners, int added);
}
