using System.Text.Json;
using Analytics.Api.Shared.Errors;
using Analytics.Api.Shared.Sources.Upstream;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Analytics.Api.Shared.Freshness;

/// <summary>
/// Runs refresh jobs (API.md §4.6): claims the oldest queued job, computes its analytics bypassing every cache (stage
/// `computing`, progress rising per analytic), stores the snapshots (`saving`), and ends the job, which drops the subject's
/// memory entries on every instance. Also re-queues jobs whose instance died (no heartbeat for 2 minutes).
/// </summary>
public sealed partial class RefreshWorker(
    RefreshJobs queue,
    RefreshSignal signal,
    SnapshotAnalytics analytics,
    SnapshotStore snapshots,
    IServiceScopeFactory scopes,
    UpstreamCoverage coverage,
    IConfiguration configuration,
    IOptions<JsonOptions> json,
    ILogger<RefreshWorker> logger) : BackgroundService
{
    private readonly RefreshSettings _settings = RefreshSettings.From(configuration);
    private readonly string _instance = $"{Environment.MachineName}:{Environment.ProcessId}";

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var loops = Enumerable.Range(1, _settings.Workers).Select(n => WorkAsync($"{_instance}:{n}", stoppingToken)).ToList();
        loops.Add(RequeueAbandonedAsync(stoppingToken));
        return Task.WhenAll(loops);
    }

    /// <summary>Claims and runs one job; false when the queue was empty.</summary>
    public async Task<bool> RunNextAsync(string worker, CancellationToken cancellationToken)
    {
        var job = await queue.ClaimAsync(worker, cancellationToken);
        if (job is null)
        {
            return false;
        }

        await RunAsync(job, worker, cancellationToken);
        return true;
    }

    private async Task WorkAsync(string worker, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await RunNextAsync(worker, stoppingToken))
                {
                    await signal.WaitAsync(TimeSpan.FromSeconds(_settings.PollSeconds), stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The database may be down: back off, the job (if claimed) is re-queued once its heartbeat ages.
                LogWorkerFailed(worker, exception);
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task RunAsync(RefreshJobRow job, string worker, CancellationToken cancellationToken)
    {
        var results = new List<RefreshResult>();
        var writes = new List<SnapshotWrite>();
        string? lastError = null;
        for (var i = 0; i < job.Analytics.Length; i++)
        {
            var analytic = job.Analytics[i];
            var definition = analytics.Find(job.SubjectType, analytic);
            if (definition is null)
            {
                // An id of the family whose work item has not landed, or one only the scheduler recomputes.
                results.Add(new RefreshResult(analytic, RefreshResult.Skipped, null));
                continue;
            }

            if (!(await coverage.ComputableAsync([job.SubjectId], analytic, cancellationToken)).Contains(job.SubjectId))
            {
                // Too many of the analytic's upstream services are failing: the previous snapshot stays (SOURCES.md §3.6).
                results.Add(new RefreshResult(analytic, RefreshResult.Skipped, null));
                continue;
            }

            await using (var scope = scopes.CreateAsyncScope())
            {
                var computation = (await definition.ComputeAsync(scope.ServiceProvider, [job.SubjectId], cancellationToken))[0];
                if (computation.Result is { } result)
                {
                    writes.Add(new SnapshotWrite(new SnapshotKey(job.SubjectType, job.SubjectId, job.Role, analytic), result, computation.ComputeMs, job.JobId));
                    results.Add(new RefreshResult(analytic, RefreshResult.Completed, result.ComputedAt));
                }
                else
                {
                    lastError = Describe(computation.Error);
                    LogAnalyticFailed(job.JobId, analytic, computation.Error);
                    results.Add(new RefreshResult(analytic, RefreshResult.Failed, null));
                }
            }

            await queue.ReportProgressAsync(job.JobId, worker, 5 + (85 * (i + 1) / job.Analytics.Length), "computing", cancellationToken);
        }

        await queue.ReportProgressAsync(job.JobId, worker, 95, "saving", cancellationToken);
        await snapshots.WriteAsync(writes, cancellationToken);
        var succeeded = results.Any(r => r.Status == RefreshResult.Completed) || results.All(r => r.Status == RefreshResult.Skipped);
        await queue.FinishAsync(
            job.JobId, worker, succeeded, succeeded ? null : lastError, JsonSerializer.Serialize(results, json.Value.SerializerOptions), cancellationToken);
    }

    private static string Describe(Exception? exception) => exception switch
    {
        ApiProblemException problem => $"{problem.Code}: {problem.Message}",
        null => "COMPUTATION_FAILED: no result",
        _ => "COMPUTATION_FAILED: the analytic could not be computed",
    };

    private async Task RequeueAbandonedAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, _settings.AbandonAfterSeconds / 4));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, stoppingToken);
                if (await queue.RequeueAbandonedAsync(TimeSpan.FromSeconds(_settings.AbandonAfterSeconds), stoppingToken) > 0)
                {
                    signal.Pulse();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogWorkerFailed(_instance, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refresh worker {Worker} failed; retrying in 5 s")]
    private partial void LogWorkerFailed(string worker, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refresh job {JobId}: {Analytic} could not be computed")]
    private partial void LogAnalyticFailed(string jobId, string analytic, Exception? exception);
}
