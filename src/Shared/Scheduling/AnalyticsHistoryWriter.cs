using Analytics.Api.Shared.Database;
using Dapper;
using Npgsql;

namespace Analytics.Api.Shared.Scheduling;

/// <summary>
/// Writes the closed periods of `analytics.analytics_history` (DATA_MODEL.md §2) after a nightly run, set-based from that night's
/// snapshots: the last closed ISO week (Monday) and the last closed month of the run date for learner, trainer and organisation
/// subjects, and the closed day (the day before the run date) for organisation subjects.
/// A period is written by the first nightly run after it closes; later runs find it there and leave it.
/// </summary>
public sealed class AnalyticsHistoryWriter(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    public const string Table = "analytics.analytics_history";

    /// <summary>Aggregating every snapshot of the night is one long statement at scale, beyond the service's 10 s default.</summary>
    private const int StatementTimeoutSeconds = 900;

    /// <summary>Monday of the ISO week before the one holding <paramref name="runDate"/>, and the first day of the month before its month.</summary>
    public static (DateOnly Week, DateOnly Month) ClosedPeriods(DateOnly runDate)
    {
        var sinceMonday = ((int)runDate.DayOfWeek + 6) % 7;
        return (runDate.AddDays(-sinceMonday - 7), new DateOnly(runDate.Year, runDate.Month, 1).AddMonths(-1));
    }

    /// <summary>Writes the closed week and month of <paramref name="runDate"/> from snapshots computed since <paramref name="since"/>; returns the rows added.</summary>
    public async Task<int> WriteAsync(DateOnly runDate, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var (week, month) = ClosedPeriods(runDate);
        var day = runDate.AddDays(-1);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // No default partition (DATA_MODEL.md §8): the months the rows land in exist before the insert.
        await DatabaseMigrator.EnsurePartitionsAsync(connection, Table, week < month ? week : month, day, cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            SqlQueries.Get("AnalyticsHistory.Write"),
            new { since, weekStart = week, monthStart = month, dayStart = day, now = timeProvider.GetUtcNow() },
            commandTimeout: StatementTimeoutSeconds,
            cancellationToken: cancellationToken));
    }
}
