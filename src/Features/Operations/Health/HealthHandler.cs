using System.Diagnostics;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Hosting;
using Analytics.Api.Shared.Observability;
using Analytics.Api.Shared.Scheduling;
using Analytics.Api.Shared.Sources.Upstream;
using Dapper;
using Mediator;
using Microsoft.Extensions.Caching.Distributed;
using Npgsql;
using Quartz;
using StackExchange.Redis;

namespace Analytics.Api.Features.Operations.Health;

/// <summary>
/// Checks the database (with latency, bounded to 2 s) and the clustered scheduler (this node running; the latest nightly run from
/// batch_runs; the next nightly fire time from its trigger in the store, also bounded to 2 s); a database outage makes the service
/// unhealthy (503), everything else at most degraded. Upstreams: `disabled` without a configured service, else this instance's
/// breakers: `down` when every configured one is open, `degraded` when some are (API.md §4.10).
/// </summary>
public sealed class HealthHandler(
    NpgsqlDataSource dataSource,
    ISchedulerFactory schedulerFactory,
    IConfiguration configuration,
    AuthOptions authOptions,
    IEnumerable<IDistributedCache> distributedCaches,
    UpstreamCircuits circuits,
    TimeProvider timeProvider) : IQueryHandler<HealthQuery, HealthReport>
{
    private static readonly TimeSpan DatabaseBudget = TimeSpan.FromSeconds(2);

    public async ValueTask<HealthReport> Handle(HealthQuery query, CancellationToken cancellationToken)
    {
        var database = await CheckDatabaseAsync(cancellationToken);
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        var schedulerUp = await scheduler.GetStatus(cancellationToken) == SchedulerStatus.Running;
        var nightly = database.Status == "up" ? await CheckNightlyAsync(scheduler, cancellationToken) : null;
        var now = timeProvider.GetUtcNow();
        var cache = await CheckCacheAsync(cancellationToken);
        var upstreams = Upstreams();
        var status = database.Status != "up" ? "unhealthy"
            : schedulerUp && cache.Status == "up" && upstreams.Open.Count == 0 ? "healthy"
            : "degraded";
        return new HealthReport(
            status,
            now,
            ServiceInfo.Version,
            (long)(now - ServiceInfo.StartedAt).TotalSeconds,
            new HealthModes(SourceModes.Current(configuration), authOptions.IsExternal ? AuthModes.External : AuthModes.Standalone),
            new HealthServices(
                database,
                cache,
                new SchedulerStatusReport(
                    schedulerUp ? "up" : "down", nightly?.Last?.StartedAt, JobStatus(nightly?.Last?.Status), nightly?.Next),
                upstreams));
    }

    private UpstreamsStatus Upstreams()
    {
        var configured = circuits.Configured;
        if (configured.Count == 0)
        {
            return new UpstreamsStatus("disabled", []);
        }

        var open = configured.Where(s => circuits[s].State == "open").Select(s => s.Name).ToArray();
        return new UpstreamsStatus(open.Length == 0 ? "up" : open.Length == configured.Count ? "down" : "degraded", open);
    }

    /// <summary>The stored states as the job status of API.md §4.9 (`abandoned` → `failed`).</summary>
    private static string? JobStatus(string? status) => status switch
    {
        null => null,
        "abandoned" => "failed",
        _ => status,
    };

    private async Task<(LastNightlyRun? Last, DateTimeOffset? Next)?> CheckNightlyAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(DatabaseBudget);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(budget.Token);
            var last = await connection.QuerySingleOrDefaultAsync<LastNightlyRun>(new CommandDefinition(
                SqlQueries.Get("Health.LastNightly"), cancellationToken: budget.Token));
            var trigger = await scheduler.GetTrigger(NightlyRecalculationJob.NightlyTrigger, budget.Token).AsTask().WaitAsync(budget.Token);
            return (last, trigger?.NextFireTimeUtc);
        }
        catch (Exception exception) when (exception is NpgsqlException or OperationCanceledException or TimeoutException or SchedulerException)
        {
            return null;
        }
    }

    /// <summary>The memory cache is always up; with Redis configured, its reachability (an outage degrades, API.md §4.10).</summary>
    private async Task<CacheStatus> CheckCacheAsync(CancellationToken cancellationToken)
    {
        // A distributed cache is registered only when Redis is configured (RedisCacheSetup).
        if (distributedCaches.FirstOrDefault() is not { } redis)
        {
            return new CacheStatus("up", "memory");
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(DatabaseBudget);
        try
        {
            await redis.GetAsync("health-probe", budget.Token);
            return new CacheStatus("up", "redis");
        }
        catch (Exception exception) when (exception is RedisException or OperationCanceledException or TimeoutException)
        {
            return new CacheStatus("down", "redis");
        }
    }

    private async Task<DatabaseStatus> CheckDatabaseAsync(CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(DatabaseBudget);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(budget.Token);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(budget.Token);
            return new DatabaseStatus("up", (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception exception) when (exception is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            return new DatabaseStatus("down", null);
        }
    }
}
