using System.Collections.Concurrent;
using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Jobs;
using Dapper;
using Npgsql;

namespace Analytics.Api.Shared.Freshness;

/// <summary>
/// The refresh queue (`analytics.refresh_jobs`, DATA_MODEL.md §2): one live job per subject on every instance together, a
/// queued job merging later requests, workers claiming with SKIP LOCKED. Changes are announced with NOTIFY analytics_refresh,
/// which <see cref="FreshnessListener"/> turns into <see cref="ActiveRefreshes"/> on each instance.
/// </summary>
public sealed class RefreshJobs(NpgsqlDataSource dataSource, ActiveRefreshes active, RefreshSignal signal, TimeProvider timeProvider)
{
    public const string Channel = "analytics_refresh";
    public const string SnapshotChannel = "analytics_snapshot";

    /// <summary>
    /// How long a system-triggered request is remembered after it was queued: reads of a subject whose recalculation keeps
    /// failing (its snapshot stays stale) then ask the store at most once per this period instead of once per read.
    /// </summary>
    public static readonly TimeSpan RequestCoolDown = TimeSpan.FromSeconds(30);

    /// <summary>System-triggered requests of this instance, in flight or recent, so 50 concurrent stale reads make one round trip.</summary>
    private readonly ConcurrentDictionary<SnapshotKey, Lazy<Task<ActiveRefresh>>> _requests = new();

    /// <summary>Queues <paramref name="analytics"/> for a subject, or meets its live job (merged while it is queued).</summary>
    public async Task<EnqueueOutcome> EnqueueAsync(
        RefreshSubject subject, IReadOnlyList<string> analytics, string trigger, string? requestedBy, CancellationToken cancellationToken)
    {
        var id = JobId.New(timeProvider.GetUtcNow());
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // A job ending between the conflict and the fallback read returns no row: the next attempt then inserts.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var job = await connection.QueryFirstOrDefaultAsync<RefreshJobRow>(new CommandDefinition(
                SqlQueries.Get("Refresh.Enqueue"),
                new
                {
                    id,
                    subjectType = subject.SubjectType,
                    subjectId = subject.SubjectId,
                    role = subject.Role,
                    analytics = analytics.ToArray(),
                    trigger,
                    requestedBy,
                    now = timeProvider.GetUtcNow(),
                },
                cancellationToken: cancellationToken));
            if (job is not null)
            {
                job.SubjectType = subject.SubjectType;
                job.SubjectId = subject.SubjectId;
                job.Role = subject.Role;
                active.Apply(job);
                signal.Pulse();
                return new EnqueueOutcome(new ActiveRefresh(job.JobId, job.Status, job.Analytics), job.JobId == id);
            }
        }

        throw new InvalidOperationException($"The refresh of {subject.Token} could not be queued.");
    }

    /// <summary>
    /// A system trigger (stale read, timed-out first read) for one analytic: answered from memory when the subject's live job
    /// already covers it, else queued once however many readers ask at the same moment or within <see cref="RequestCoolDown"/>.
    /// </summary>
    public async Task<ActiveRefresh> RequestAsync(SnapshotKey key, string trigger, CancellationToken cancellationToken)
    {
        if (active.Find(key.Subject) is { } live && (live.Status == "running" || live.Analytics.Contains(key.Analytic)))
        {
            return live;
        }

        var request = _requests.GetOrAdd(key, k => new Lazy<Task<ActiveRefresh>>(async () =>
        {
            try
            {
                var outcome = await EnqueueAsync(k.Subject, [k.Analytic], trigger, null, CancellationToken.None);
                return outcome.Job;
            }
            finally
            {
                // While the entry stands every request for the key meets it, so removing it later removes no newer one.
                _ = ForgetLaterAsync(k);
            }
        }));
        return await request.Value.WaitAsync(cancellationToken);
    }

    private async Task ForgetLaterAsync(SnapshotKey key)
    {
        await Task.Delay(RequestCoolDown, timeProvider);
        _requests.TryRemove(key, out _);
    }

    public async Task<RefreshJobRow?> ClaimAsync(string worker, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<RefreshJobRow>(new CommandDefinition(
            SqlQueries.Get("Refresh.Claim"), new { worker, now = timeProvider.GetUtcNow() }, cancellationToken: cancellationToken));
    }

    public async Task ReportProgressAsync(string jobId, string worker, int progress, string stage, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            SqlQueries.Get("Refresh.Progress"),
            new { jobId, worker, progress = (short)progress, stage, now = timeProvider.GetUtcNow() },
            cancellationToken: cancellationToken));
    }

    public async Task FinishAsync(string jobId, string worker, bool succeeded, string? error, string resultJson, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            SqlQueries.Get("Refresh.Finish"),
            new { jobId, worker, status = succeeded ? "completed" : "failed", error, result = resultJson, now = timeProvider.GetUtcNow() },
            cancellationToken: cancellationToken));
    }

    /// <summary>Re-queues running jobs whose heartbeat is older than <paramref name="after"/>; returns how many moved.</summary>
    public async Task<int> RequeueAbandonedAsync(TimeSpan after, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var jobs = (await connection.QueryAsync<RefreshJobRow>(new CommandDefinition(
            SqlQueries.Get("Refresh.Requeue"), new { now = timeProvider.GetUtcNow(), staleBefore = timeProvider.GetUtcNow() - after },
            cancellationToken: cancellationToken))).ToArray();
        foreach (var job in jobs)
        {
            active.Apply(job);
        }

        return jobs.Length;
    }

    public async Task<IReadOnlyList<RefreshJobRow>> LoadActiveAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<RefreshJobRow>(new CommandDefinition(SqlQueries.Get("Refresh.Active"), cancellationToken: cancellationToken)))
        .ToArray();

    /// <summary>Parses a NOTIFY analytics_refresh payload: `status|id|type|subject|role|a,b`.</summary>
    public static RefreshJobRow? ParseNotification(string payload)
    {
        var parts = payload.Split('|');
        return parts.Length == 6
            ? new RefreshJobRow
            {
                Status = parts[0],
                JobId = parts[1],
                SubjectType = parts[2],
                SubjectId = parts[3],
                Role = parts[4],
                Analytics = parts[5].Split(',', StringSplitOptions.RemoveEmptyEntries),
            }
            : null;
    }
}

/// <summary>The live job a request met, and whether the request created it.</summary>
public sealed record EnqueueOutcome(ActiveRefresh Job, bool Created);
