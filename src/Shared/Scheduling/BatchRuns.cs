using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Jobs;
using Dapper;
using Npgsql;

namespace Analytics.Api.Shared.Scheduling;

/// <summary>
/// `analytics.batch_runs` for recalculations (DATA_MODEL.md §2): one nightly run per day, one running run at a time, owned by the
/// instance named in `instance` for as long as it keeps `heartbeat_at` fresh; a run whose heartbeat is older than the abandon
/// threshold may be taken over by any instance, which continues after `resume_after`.
/// </summary>
public sealed class BatchRuns(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    public const string Kind = "recalculation";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";

    private const string RunningConstraint = "ux_batch_runs_running";

    /// <summary>Creates the nightly run of <paramref name="runDate"/>, or takes it over when nobody is alive on it.</summary>
    public async Task<BatchRunClaim> ClaimNightlyAsync(DateOnly runDate, string instance, TimeSpan abandonAfter, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var claimed = await connection.QuerySingleOrDefaultAsync<BatchRunRow>(new CommandDefinition(
                SqlQueries.Get("BatchRuns.ClaimNightly"),
                new { id = JobId.New(now), runDate, now, instance, staleBefore = now - abandonAfter },
                cancellationToken: cancellationToken));
            if (claimed is not null)
            {
                return new BatchRunClaim(BatchRunClaimOutcome.Claimed, claimed);
            }
        }
        catch (PostgresException exception) when (IsRunningConflict(exception))
        {
            // Two instances inserting the same day's row at once can meet on either unique index: the running one is then that row.
            var running = await RunningAsync(connection, cancellationToken);
            return running is { Trigger: "nightly" } && running.RunDate == runDate
                ? Describe(running)
                : new BatchRunClaim(BatchRunClaimOutcome.Conflict, running);
        }

        var existing = await connection.QuerySingleOrDefaultAsync<BatchRunRow>(new CommandDefinition(
            SqlQueries.Get("BatchRuns.Nightly"), new { runDate }, cancellationToken: cancellationToken));
        return Describe(existing);
    }

    /// <summary>Owns the run <paramref name="id"/>: queued, already this instance's, or abandoned by a dead instance.</summary>
    public async Task<BatchRunClaim> ClaimAsync(string id, string instance, TimeSpan abandonAfter, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var claimed = await connection.QuerySingleOrDefaultAsync<BatchRunRow>(new CommandDefinition(
            SqlQueries.Get("BatchRuns.Claim"),
            new { id, now, instance, staleBefore = now - abandonAfter },
            cancellationToken: cancellationToken));
        if (claimed is not null)
        {
            return new BatchRunClaim(BatchRunClaimOutcome.Claimed, claimed);
        }

        return Describe(await GetAsync(connection, id, cancellationToken));
    }

    /// <summary>Queues a manual run; null when another run of the kind is running (409 JOB_ALREADY_RUNNING).</summary>
    public async Task<BatchRunRow?> CreateManualAsync(
        RecalculationParameters parameters, string? requestedBy, string instance, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            return await connection.QuerySingleAsync<BatchRunRow>(new CommandDefinition(
                SqlQueries.Get("BatchRuns.InsertManual"),
                new
                {
                    id = JobId.New(now),
                    runDate = DateOnly.FromDateTime(now.UtcDateTime),
                    now,
                    instance,
                    requestedBy,
                    parameters = parameters.ToJson(),
                },
                cancellationToken: cancellationToken));
        }
        catch (PostgresException exception) when (IsRunningConflict(exception))
        {
            return null;
        }
    }

    public async Task<BatchRunRow?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await GetAsync(connection, id, cancellationToken);
    }

    public async Task<BatchRunRow?> RunningAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await RunningAsync(connection, cancellationToken);
    }

    /// <summary>Ids of running runs whose heartbeat is older than <paramref name="abandonAfter"/>.</summary>
    public async Task<IReadOnlyList<string>> StalledAsync(TimeSpan abandonAfter, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            SqlQueries.Get("BatchRuns.Stalled"), new { staleBefore = timeProvider.GetUtcNow() - abandonAfter },
            cancellationToken: cancellationToken))).ToArray();
    }

    /// <summary>False when the run is no longer this instance's (taken over, or ended).</summary>
    public async Task<bool> HeartbeatAsync(string id, string instance, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            SqlQueries.Get("BatchRuns.Heartbeat"), new { id, instance, now = timeProvider.GetUtcNow() },
            cancellationToken: cancellationToken)) == 1;
    }

    public async Task<bool> SetTotalAsync(string id, string instance, int total, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            SqlQueries.Get("BatchRuns.SetTotal"), new { id, instance, total, now = timeProvider.GetUtcNow() },
            cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Advances the run in the chunk's transaction; false when the run is no longer this instance's.</summary>
    public async Task<bool> CommitChunkAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string id, string instance, string resumeAfter, int done, int failed,
        CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(
            SqlQueries.Get("BatchRuns.CommitChunk"),
            new { id, instance, resumeAfter, done, failed, now = timeProvider.GetUtcNow() },
            transaction,
            cancellationToken: cancellationToken)) == 1;

    public async Task InsertFailuresAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string runId, IReadOnlyList<BatchFailure> failures,
        CancellationToken cancellationToken)
    {
        if (failures.Count == 0)
        {
            return;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            SqlQueries.Get("BatchRuns.InsertFailures"),
            new
            {
                runId,
                subjectTypes = failures.Select(f => f.SubjectType).ToArray(),
                subjectIds = failures.Select(f => f.SubjectId).ToArray(),
                roles = failures.Select(f => f.Role).ToArray(),
                analytics = failures.Select(f => f.Analytic).ToArray(),
                errors = failures.Select(f => f.Error).ToArray(),
                now = timeProvider.GetUtcNow(),
            },
            transaction,
            cancellationToken: cancellationToken));
    }

    /// <summary>Ends the run as completed or failed; null when it was no longer this instance's.</summary>
    public async Task<BatchRunRow?> FinishAsync(string id, string instance, string status, string? error, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<BatchRunRow>(new CommandDefinition(
            SqlQueries.Get("BatchRuns.Finish"),
            new { id, instance, status, error, now = timeProvider.GetUtcNow() },
            cancellationToken: cancellationToken));
    }

    private static BatchRunClaim Describe(BatchRunRow? run) => run?.Status switch
    {
        null => new BatchRunClaim(BatchRunClaimOutcome.Missing, null),
        Completed => new BatchRunClaim(BatchRunClaimOutcome.Completed, run),
        Running => new BatchRunClaim(BatchRunClaimOutcome.Busy, run),
        _ => new BatchRunClaim(BatchRunClaimOutcome.Missing, run),
    };

    private static bool IsRunningConflict(PostgresException exception) =>
        exception.SqlState == PostgresErrorCodes.UniqueViolation && exception.ConstraintName == RunningConstraint;

    private static Task<BatchRunRow?> GetAsync(NpgsqlConnection connection, string id, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<BatchRunRow>(new CommandDefinition(
            SqlQueries.Get("BatchRuns.Get"), new { id }, cancellationToken: cancellationToken));

    private static Task<BatchRunRow?> RunningAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<BatchRunRow>(new CommandDefinition(
            SqlQueries.Get("BatchRuns.Running"), cancellationToken: cancellationToken));
}
