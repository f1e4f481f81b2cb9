using Analytics.Api.Shared.Database;
using Dapper;
using Npgsql;

namespace Analytics.Api.Shared.Scheduling;

/// <summary>
/// The wall-clock retention of DATA_MODEL.md §9, in batches of 10,000 rows: snapshots older than 7 days and than the start of the
/// last completed nightly run (none while the nightly run is failing), refresh jobs and batch failures 7 days after they finished,
/// batch runs after 90 days. History partitions expire in <see cref="PartitionMaintenance"/>.
/// </summary>
public sealed partial class Retention(NpgsqlDataSource dataSource, TimeProvider timeProvider, ILogger<Retention> logger)
{
    public const int BatchSize = 10_000;

    public static readonly TimeSpan JobsKept = TimeSpan.FromDays(7);

    public static readonly TimeSpan RunsKept = TimeSpan.FromDays(90);

    public async Task<RetentionResult> RunAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var cutoff = await connection.ExecuteScalarAsync<DateTimeOffset?>(new CommandDefinition(
            SqlQueries.Get("Retention.SnapshotCutoff"), new { sevenDaysAgo = now - Freshness.SnapshotStore.Retention },
            cancellationToken: cancellationToken));
        var result = new RetentionResult(
            cutoff,
            cutoff is { } before ? await DeleteAsync(connection, "Retention.Snapshots", before, cancellationToken) : 0,
            await DeleteAsync(connection, "Retention.RefreshJobs", now - JobsKept, cancellationToken),
            await DeleteAsync(connection, "Retention.BatchFailures", now - JobsKept, cancellationToken),
            await DeleteAsync(connection, "Retention.BatchRuns", now - RunsKept, cancellationToken));
        LogRetention(result.Snapshots, result.RefreshJobs, result.BatchFailures, result.BatchRuns, cutoff);
        return result;
    }

    private static async Task<int> DeleteAsync(NpgsqlConnection connection, string query, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            var deleted = await connection.ExecuteAsync(new CommandDefinition(
                SqlQueries.Get(query), new { cutoff, batch = BatchSize }, cancellationToken: cancellationToken));
            total += deleted;
            if (deleted < BatchSize)
            {
                return total;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Retention: {Snapshots} snapshots (before {Cutoff}), {RefreshJobs} refresh jobs, {BatchFailures} batch failures, {BatchRuns} batch runs deleted")]
    private partial void LogRetention(int snapshots, int refreshJobs, int batchFailures, int batchRuns, DateTimeOffset? cutoff);
}
