using System.Text.Json;
using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Jobs;
using Dapper;
using Npgsql;
using Quartz;

namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>
/// Retrains the drop-off models (ANALYTICS.md §5.1): weekly on Sunday at 03:00 UTC (`DropOff:RetrainCron`) and when a platform
/// admin asks (`POST /predictive/models/retrain`, which creates the run row and triggers this job with its id). Each run is a
/// `retrain` batch run, so the jobs endpoints show it; one runs at a time.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class DropOffRetrainJob(
    DropOffRetraining retraining, NpgsqlDataSource dataSource, TimeProvider timeProvider, ILogger<DropOffRetrainJob> logger) : IJob
{
    public const string DefaultCron = "0 0 3 ? * SUN";
    public const string RunIdKey = "runId";
    public const string OrganisationKey = "organisationId";

    public static readonly JobKey Key = new("dropoff-retrain", "predictive");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var organisationId = data.ContainsKey(OrganisationKey) && data.GetString(OrganisationKey) is { Length: > 0 } named ? named : null;
        var runId = data.ContainsKey(RunIdKey) ? data.GetString(RunIdKey) : await StartAsync(null, "schedule", organisationId, null, cancellationToken);
        if (runId is null)
        {
            LogSkipped(logger);
            return;
        }

        try
        {
            var results = await retraining.RunAsync(organisationId, cancellationToken);
            await FinishAsync(runId, "completed", results.Count, results.Count, 0, null, CancellationToken.None);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogFailed(logger, error, runId);
            await FinishAsync(runId, "failed", 0, 0, 1, "RETRAIN_FAILED: " + error.Message, CancellationToken.None);
        }
    }

    /// <summary>Creates a running retrain run; null while another one runs.</summary>
    public async Task<string?> StartAsync(string? requestedBy, string trigger, string? organisationId, string? instance, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var id = JobId.New(now);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                SqlQueries.Get("ModelRetrains.Insert"),
                new
                {
                    id,
                    runDate = DateOnly.FromDateTime(now.UtcDateTime),
                    trigger,
                    now,
                    instance = instance ?? Environment.MachineName,
                    requestedBy,
                    parameters = JsonSerializer.Serialize(new { analytic = DropOffModelStore.ModelKind, organisationId }),
                },
                cancellationToken: cancellationToken));
            return id;
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return null;
        }
    }

    /// <summary>The id of the retraining run that is running, if any.</summary>
    public async Task<string?> RunningAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            SqlQueries.Get("ModelRetrains.Running"), cancellationToken: cancellationToken));
    }

    private async Task FinishAsync(string id, string status, int total, int done, int failed, string? error, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            SqlQueries.Get("ModelRetrains.Finish"),
            new { id, status, total, done, failed, now = timeProvider.GetUtcNow(), error },
            cancellationToken: cancellationToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Drop-off retraining skipped: another retraining run is running")]
    private static partial void LogSkipped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Drop-off retraining run {RunId} failed")]
    private static partial void LogFailed(ILogger logger, Exception error, string runId);
}
