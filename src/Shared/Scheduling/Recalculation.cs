using System.Globalization;
using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Errors;
using Analytics.Api.Shared.Freshness;
using Analytics.Api.Shared.Observability;
using Analytics.Api.Shared.Sources.Upstream;
using Dapper;
using Npgsql;

namespace Analytics.Api.Shared.Scheduling;

/// <summary>
/// The recalculation of every stored analytic (PRODUCT.md decision 8, DATA_MODEL.md §2): run nightly by the scheduler, on demand
/// by an operator (API.md §4.9) and by the `recalculate` verb. One pass per subject type in stage order (learners for the
/// stage-0 analytics, then trainers, whose analytics read learner results), subjects in keyset order, in chunks: each chunk is
/// split into parts computed at once, each part in its own DI scope, and then committed in ONE transaction with its snapshots,
/// its failures and the run's new resume position. A run whose instance dies is continued after that position by the instance
/// that takes it over (heartbeat older than the abandon threshold), never started again.
/// </summary>
public sealed partial class Recalculation(
    BatchRuns runs,
    RecalculationSubjects subjects,
    SnapshotAnalytics analytics,
    SnapshotStore snapshots,
    AnalyticsHistoryWriter history,
    NpgsqlDataSource dataSource,
    IServiceScopeFactory scopes,
    UpstreamCoverage coverage,
    RecalculationSettings settings,
    TimeProvider timeProvider,
    ILogger<Recalculation> logger)
{
    public const string Nightly = "nightly";

    public RecalculationSettings Settings => settings;

    public async Task<RecalculationOutcome> RunAsync(RecalculationRequest request, CancellationToken cancellationToken)
    {
        var waiting = false;
        while (true)
        {
            var claim = request.RunId is { } runId
                ? await runs.ClaimAsync(runId, settings.Instance, settings.AbandonAfter, cancellationToken)
                : await runs.ClaimNightlyAsync(request.NightlyDate!.Value, settings.Instance, settings.AbandonAfter, cancellationToken);
            switch (claim.Outcome)
            {
                case BatchRunClaimOutcome.Claimed:
                    return await ExecuteAsync(claim.Run!, cancellationToken);
                case BatchRunClaimOutcome.Completed:
                    return new RecalculationOutcome(RecalculationResult.NothingToDo, claim.Run);
                case BatchRunClaimOutcome.Missing:
                    return new RecalculationOutcome(RecalculationResult.Missing, claim.Run);
                case BatchRunClaimOutcome.Conflict when claim.Run is { } other && IsStalled(other):
                    // Another run was left by a dead instance and blocks this one (one running run at a time): finish it first.
                    LogResumingBlocker(other.Id);
                    await RunAsync(RecalculationRequest.Existing(other.Id, waitWhileBusy: false), cancellationToken);
                    continue;
                case BatchRunClaimOutcome.Busy or BatchRunClaimOutcome.Conflict when request.WaitWhileBusy:
                    if (!waiting)
                    {
                        LogWaiting(claim.Run?.Id, claim.Run?.Instance);
                        waiting = true;
                    }

                    await Task.Delay(settings.HeartbeatInterval, timeProvider, cancellationToken);
                    continue;
                default:
                    return new RecalculationOutcome(RecalculationResult.Busy, claim.Run);
            }
        }
    }

    private bool IsStalled(BatchRunRow run) =>
        run.HeartbeatAt is not { } beat || beat < timeProvider.GetUtcNow() - settings.AbandonAfter;

    private async Task<RecalculationOutcome> ExecuteAsync(BatchRunRow run, CancellationToken cancellationToken)
    {
        var statistics = new RecalculationStatistics();
        var started = timeProvider.GetTimestamp();
        var parameters = run.ParsedParameters;
        var passes = RecalculationPass.Plan(analytics.All, parameters.Analytics);
        using var ownership = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var stopBeating = new CancellationTokenSource();
        var lost = new StrongBox();
        var beating = BeatAsync(run.Id, ownership, lost, stopBeating.Token);
        var token = ownership.Token;
        if (logger.IsEnabled(LogLevel.Information))
        {
            var plan = string.Join(", ", passes.Select(p => p.Describe()));
            LogStarting(run.Id, run.Trigger, run.ResumeAfter ?? "the start", run.DoneSubjects, plan);
        }

        try
        {
            if (run.TotalSubjects is null)
            {
                var total = 0;
                foreach (var pass in passes)
                {
                    total += await subjects.CountAsync(pass.SubjectType, parameters.OrganisationId, token);
                }

                if (!await runs.SetTotalAsync(run.Id, settings.Instance, total, token))
                {
                    return Lost(run, statistics);
                }
            }

            var position = RefreshSubject.Parse(run.ResumeAfter ?? string.Empty);
            var resumeIndex = position is null ? -1 : passes.FindIndex(p => p.SubjectType == position.SubjectType);
            for (var index = Math.Max(0, resumeIndex); index < passes.Count; index++)
            {
                var pass = passes[index];
                var after = index == resumeIndex ? position!.SubjectId : string.Empty;
                while (true)
                {
                    var chunkStarted = timeProvider.GetTimestamp();
                    var ids = await subjects.NextAsync(pass.SubjectType, parameters.OrganisationId, after, settings.ChunkSize, token);
                    if (ids.Count == 0)
                    {
                        break;
                    }

                    var computed = await ComputeChunkAsync(run.Id, pass, ids, statistics, token);
                    var writeStarted = timeProvider.GetTimestamp();
                    if (!await CommitAsync(run.Id, pass, ids, computed, token))
                    {
                        return Lost(run, statistics);
                    }

                    var failedSubjects = computed.Failures.Select(f => f.SubjectId).Distinct(StringComparer.Ordinal).Count();
                    statistics.RecordChunk(pass.SubjectType, ids.Count, failedSubjects, computed.Writes.Count,
                        timeProvider.GetElapsedTime(chunkStarted), timeProvider.GetElapsedTime(writeStarted));
                    after = ids[^1];
                    if (ids.Count < settings.ChunkSize)
                    {
                        break;
                    }

                    if (settings.ChunkDelayMilliseconds > 0)
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(settings.ChunkDelayMilliseconds), timeProvider, token);
                    }
                }
            }

            if (run.Trigger == Nightly && parameters.IsEverything)
            {
                var historyStarted = timeProvider.GetTimestamp();
                var rows = await history.WriteAsync(run.RunDate, run.StartedAt ?? run.RefTime, token);
                statistics.RecordHistory(rows, timeProvider.GetElapsedTime(historyStarted));
            }

            var finished = await runs.FinishAsync(run.Id, settings.Instance, BatchRuns.Completed, null, token);
            if (finished is null)
            {
                return Lost(run, statistics);
            }

            await EndAsync(finished, statistics, started);
            return new RecalculationOutcome(RecalculationResult.Completed, finished, statistics);
        }
        catch (OperationCanceledException) when (lost.Value)
        {
            return Lost(run, statistics);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown: the run stays running; once its heartbeat ages, any instance continues it after the last committed chunk.
            statistics.Elapsed = timeProvider.GetElapsedTime(started);
            LogInterrupted(run.Id, statistics.Subjects);
            return new RecalculationOutcome(RecalculationResult.Interrupted, await TryGetAsync(run.Id), statistics);
        }
        catch (Exception exception)
        {
            LogFailed(run.Id, exception);
            var failed = await runs.FinishAsync(run.Id, settings.Instance, BatchRuns.Failed, ErrorText(exception), CancellationToken.None);
            if (failed is not null)
            {
                await EndAsync(failed, statistics, started);
            }

            return new RecalculationOutcome(RecalculationResult.Failed, failed ?? run, statistics);
        }
        finally
        {
            await stopBeating.CancelAsync();
            await beating;
        }
    }

    private async Task<ChunkResult> ComputeChunkAsync(
        string runId, RecalculationPass pass, IReadOnlyList<string> ids, RecalculationStatistics statistics, CancellationToken cancellationToken)
    {
        var size = (ids.Count + settings.Parallelism - 1) / settings.Parallelism;
        var parts = ids.Chunk(Math.Max(1, size)).ToArray();
        var results = await Task.WhenAll(parts.Select(part => ComputePartAsync(runId, pass, part, statistics, cancellationToken)));
        return new ChunkResult(results.SelectMany(r => r.Writes).ToList(), results.SelectMany(r => r.Failures).ToList());
    }

    private async Task<ChunkResult> ComputePartAsync(
        string runId, RecalculationPass pass, string[] ids, RecalculationStatistics statistics, CancellationToken cancellationToken)
    {
        var writes = new List<SnapshotWrite>(ids.Length * pass.Analytics.Count);
        var failures = new List<BatchFailure>();
        await using var scope = scopes.CreateAsyncScope();
        foreach (var analytic in pass.Analytics)
        {
            var started = timeProvider.GetTimestamp();
            // SOURCES.md §3.6: subjects whose organisation has under 80 % of the analytic's upstreams healthy keep their snapshot.
            var computable = await coverage.ComputableAsync(ids, analytic.Analytic, cancellationToken);
            var computations = await analytic.ComputeAsync(
                scope.ServiceProvider, computable.Count == ids.Length ? ids : ids.Where(computable.Contains).ToArray(), cancellationToken);
            statistics.RecordAnalytic(pass.SubjectType, analytic.Analytic, ids.Length, timeProvider.GetElapsedTime(started));
            foreach (var computation in computations)
            {
                if (computation.Result is { } result)
                {
                    writes.Add(new SnapshotWrite(
                        new SnapshotKey(analytic.SubjectType, computation.SubjectId, analytic.Role, analytic.Analytic), result, computation.ComputeMs, runId));
                }
                else
                {
                    failures.Add(new BatchFailure(analytic.SubjectType, computation.SubjectId, analytic.Role, analytic.Analytic, ErrorText(computation.Error)));
                }
            }
        }

        return new ChunkResult(writes, failures);
    }

    /// <summary>The chunk's snapshots, failures and resume position in one transaction; false when the run is no longer ours.</summary>
    private async Task<bool> CommitAsync(
        string runId, RecalculationPass pass, IReadOnlyList<string> ids, ChunkResult computed, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await snapshots.WriteAsync(connection, transaction, computed.Writes, cancellationToken);
        await runs.InsertFailuresAsync(connection, transaction, runId, computed.Failures, cancellationToken);
        var failedSubjects = computed.Failures.Select(f => f.SubjectId).Distinct(StringComparer.Ordinal).Count();
        var position = new RefreshSubject(pass.SubjectType, ids[^1], pass.Role).Token;
        if (!await runs.CommitChunkAsync(connection, transaction, runId, settings.Instance, position, ids.Count, failedSubjects, cancellationToken))
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        await transaction.CommitAsync(cancellationToken);
        AnalyticsTelemetry.RecalculationRows.Add(computed.Writes.Count);
        return true;
    }

    /// <summary>Keeps `heartbeat_at` fresh while the run is ours; when it is not any more, cancels the run's work.</summary>
    private async Task BeatAsync(string runId, CancellationTokenSource ownership, StrongBox lost, CancellationToken stop)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop, ownership.Token);
        while (!linked.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(settings.HeartbeatInterval, timeProvider, linked.Token);
                if (!await runs.HeartbeatAsync(runId, settings.Instance, linked.Token))
                {
                    lost.Value = true;
                    LogOwnershipLost(runId);
                    await ownership.CancelAsync();
                    return;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
            {
                // The store is away: the next commit fails too and ends the run; a later beat may still get through.
                LogHeartbeatFailed(runId, exception);
            }
        }
    }

    /// <summary>Metrics, the summary log and one NOTIFY that drops every instance's memory entries (FreshnessListener).</summary>
    private async Task EndAsync(BatchRunRow finished, RecalculationStatistics statistics, long started)
    {
        statistics.Elapsed = timeProvider.GetElapsedTime(started);
        if (finished.StartedAt is { } from && finished.FinishedAt is { } to)
        {
            AnalyticsTelemetry.RecalculationDuration.Record((to - from).TotalSeconds, new KeyValuePair<string, object?>("trigger", finished.Trigger));
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            var summary = statistics.Describe();
            LogFinished(finished.Id, finished.Status, finished.DoneSubjects, finished.TotalSubjects ?? 0, finished.FailedSubjects, summary);
        }

        if (statistics.SnapshotRows > 0)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(CancellationToken.None);
                await connection.ExecuteAsync(new CommandDefinition(SqlQueries.Get("Snapshots.NotifyAll"), cancellationToken: CancellationToken.None));
            }
            catch (NpgsqlException exception)
            {
                // Memory entries then age out on their own lifetimes (ANALYTICS.md §0.7).
                LogNotifyFailed(finished.Id, exception);
            }
        }
    }

    private RecalculationOutcome Lost(BatchRunRow run, RecalculationStatistics statistics)
    {
        LogOwnershipLost(run.Id);
        return new RecalculationOutcome(RecalculationResult.LostOwnership, run, statistics);
    }

    private async Task<BatchRunRow?> TryGetAsync(string runId)
    {
        try
        {
            return await runs.GetAsync(runId, CancellationToken.None);
        }
        catch (NpgsqlException)
        {
            return null;
        }
    }

    private static string ErrorText(Exception? exception)
    {
        var text = exception switch
        {
            null => "COMPUTATION_FAILED: no result",
            ApiProblemException problem => $"{problem.Code}: {problem.Message}",
            _ => string.Create(CultureInfo.InvariantCulture, $"RECALCULATION_FAILED: {exception.GetType().Name}: {exception.Message}"),
        };
        return text.Length <= 500 ? text : text[..500];
    }

    private sealed record ChunkResult(List<SnapshotWrite> Writes, List<BatchFailure> Failures);

    private sealed class StrongBox
    {
        public volatile bool Value;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recalculation {RunId} ({Trigger}) starts after {ResumeAfter} with {Done} subjects done: {Passes}")]
    private partial void LogStarting(string runId, string trigger, string resumeAfter, int done, string passes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recalculation {RunId} {Status}: {Done}/{Total} subjects, {Failed} failed\n{Summary}")]
    private partial void LogFinished(string runId, string status, int done, int total, int failed, string summary);

    [LoggerMessage(Level = LogLevel.Information, Message = "Waiting: recalculation {RunId} is running on {Instance}")]
    private partial void LogWaiting(string? runId, string? instance);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recalculation {RunId} was left by a dead instance and blocks this one: continuing it first")]
    private partial void LogResumingBlocker(string runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recalculation {RunId} interrupted after {Subjects} subjects; it resumes once its heartbeat ages")]
    private partial void LogInterrupted(string runId, long subjects);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recalculation {RunId} is no longer this instance's (another instance took it over)")]
    private partial void LogOwnershipLost(string runId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recalculation {RunId} failed")]
    private partial void LogFailed(string runId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recalculation {RunId}: heartbeat failed")]
    private partial void LogHeartbeatFailed(string runId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recalculation {RunId}: NOTIFY analytics_snapshot failed")]
    private partial void LogNotifyFailed(string runId, Exception exception);
}
