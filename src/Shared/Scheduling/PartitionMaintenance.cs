using Analytics.Api.Shared.Database;
using Dapper;
using Npgsql;

namespace Analytics.Api.Shared.Scheduling;

/// <summary>
/// Monthly partitions (DATA_MODEL.md §8): creates the coming months of every partitioned table and drops the expired months
/// of analytics_history (older than 7 years). Dropping is DETACH … CONCURRENTLY then DROP, outside any transaction, so readers
/// of the parent are not blocked. Raw activity and predictions keep their data until their retention (§9) is implemented
/// with the organisations' reference dates.
/// </summary>
public sealed partial class PartitionMaintenance(NpgsqlDataSource dataSource, TimeProvider timeProvider, ILogger<PartitionMaintenance> logger)
{
    public static readonly TimeSpan HistoryRetention = TimeSpan.FromDays(7 * 365);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        var month = new DateOnly(today.Year, today.Month, 1);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await DatabaseMigrator.EnsureAllPartitionsAsync(connection, timeProvider, logger, cancellationToken);

        var historyCutoff = month.AddYears(-7);
        var expired = await connection.QueryAsync<string>(new CommandDefinition(
            SqlQueries.Get("Partitions.Expired"),
            new { table = "analytics.analytics_history", before = historyCutoff },
            cancellationToken: cancellationToken));
        foreach (var partition in expired)
        {
            // Names come from the catalogue (regclass text), never from input; identifiers cannot be parameters.
            await using (var detach = new NpgsqlCommand($"ALTER TABLE analytics.analytics_history DETACH PARTITION {partition} CONCURRENTLY", connection))
            {
                await detach.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var drop = new NpgsqlCommand($"DROP TABLE {partition}", connection))
            {
                await drop.ExecuteNonQueryAsync(cancellationToken);
            }

            LogDropped(partition);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped expired history partition {Partition}")]
    private partial void LogDropped(string partition);
}
