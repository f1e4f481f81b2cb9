using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Observability;
using Dapper;
using Mediator;
using Npgsql;

namespace Analytics.Api.Features.Operations.Status;

/// <summary>
/// The rolling window of this instance (memory only) and one round trip to the store for the jobs, the oldest snapshot and the
/// latest recalculation, bounded to 2 s: a slow or absent store makes the report `degraded` with those fields null, never a
/// failed or hung request.
/// </summary>
public sealed partial class StatusHandler(
    NpgsqlDataSource dataSource, RequestWindow window, TimeProvider timeProvider, ILogger<StatusHandler> logger)
    : IQueryHandler<StatusQuery, StatusReport>
{
    private static readonly TimeSpan DatabaseBudget = TimeSpan.FromSeconds(2);

    public async ValueTask<StatusReport> Handle(StatusQuery query, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var traffic = window.Read();
        var metrics = new StatusMetrics(
            Numbers.Round(traffic.RequestsPerMinute, 1),
            Rounded(traffic.P95LatencyMs, 1),
            Rounded(traffic.ErrorRate, 4),
            Rounded(traffic.CacheHitRate, 4),
            traffic.ActiveUsers);
        var cache = new StatusCache(Rounded(traffic.MemoryHitRate, 4), Rounded(traffic.SnapshotHitRate, 4));

        var store = await ReadStoreAsync(now, cancellationToken);
        var sample = store?.Sample;
        var run = store?.Run;
        return new StatusReport(
            store is null ? "degraded" : "healthy",
            ServiceInfo.Version,
            now,
            (long)(now - ServiceInfo.StartedAt).TotalSeconds,
            Environment.MachineName,
            metrics,
            cache,
            run is null ? StatusRecalculation.None : Recalculation(run, now),
            sample?.OldestSnapshotAt is { } oldest ? (long)Math.Max(0, (now - oldest).TotalSeconds) : null,
            sample is null
                ? StatusJobs.Unknown
                : new StatusJobs(
                    sample.RefreshQueued,
                    sample.RefreshRunning + sample.RecalculationRunning,
                    sample.RefreshFailed + sample.RecalculationFailed,
                    sample.RefreshQueued));
    }

    private async Task<(StoreSample Sample, RecalculationRun? Run)?> ReadStoreAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(DatabaseBudget);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(budget.Token);
            await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
                SqlQueries.Get(StoreSample.QueryName) + SqlQueries.Get("Status.Recalculation"),
                new { since = now - StoreSample.FailedWindow },
                cancellationToken: budget.Token));
            var sample = await results.ReadSingleAsync<StoreSample>();
            var run = await results.ReadSingleOrDefaultAsync<RecalculationRun>();
            return (sample, run);
        }
        catch (Exception exception) when (
            exception is NpgsqlException or TimeoutException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogStoreUnavailable(exception);
            return null;
        }
    }

    private static StatusRecalculation Recalculation(RecalculationRun run, DateTimeOffset now)
    {
        var status = run.Status == "abandoned" ? "failed" : run.Status;
        var ended = run.FinishedAt ?? (run.Status == "running" ? now : null);
        long? duration = run.StartedAt is { } started && ended is { } end ? (long)Math.Max(0, (end - started).TotalSeconds) : null;
        return new StatusRecalculation(run.StartedAt, status, duration, run.DoneSubjects, run.Rows);
    }

    private static double? Rounded(double? value, int decimals) => value is { } v ? Numbers.Round(v, decimals) : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store could not be read for /api/status; reporting degraded")]
    private partial void LogStoreUnavailable(Exception exception);

    private sealed record RecalculationRun(DateTimeOffset? StartedAt, string Status, DateTimeOffset? FinishedAt, int DoneSubjects, long Rows);
}
