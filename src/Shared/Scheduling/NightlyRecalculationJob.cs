using Analytics.Api.Shared.Sources.Upstream;
using Quartz;

namespace Analytics.Api.Shared.Scheduling;

/// <summary>
/// The recalculation as a Quartz job on the clustered store: fired by the nightly cron trigger (one node of the cluster runs it),
/// by an operator's one-off trigger carrying the run id, or by the watchdog for a run that stalled. Never two at once anywhere
/// in the cluster; requests recovery, so when the node running it dies another node fires it again and continues the run
/// after its last committed chunk.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class NightlyRecalculationJob(
    Recalculation recalculation, UpstreamSync sync, UpstreamCoverage coverage, IConfiguration configuration, TimeProvider timeProvider,
    ILogger<NightlyRecalculationJob> logger) : IJob
{
    public const string Group = "recalculation";
    public const string RunIdKey = "runId";

    public static readonly JobKey Key = new("recalculation", Group);

    public static readonly TriggerKey NightlyTrigger = new("recalculation-nightly", Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var runId = context.MergedJobDataMap.GetString(RunIdKey);
        // A missed 02:00 fired when an instance came back belongs to the day it runs on; that day's completed run means nothing to do.
        var request = runId is null
            ? RecalculationRequest.Nightly(DateOnly.FromDateTime(context.FireTimeUtc.UtcDateTime))
            : RecalculationRequest.Existing(runId);
        try
        {
            if (runId is null && coverage.Active)
            {
                await WaitForSyncAsync(cancellationToken);
            }

            var outcome = await recalculation.RunAsync(request, cancellationToken);
            LogOutcome(outcome.Run?.Id, outcome.Result, context.Trigger.Key, context.Recovering);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shut down while waiting for another instance's run: nothing of ours to keep; the watchdog resumes stalled runs.
            LogStopped(context.Trigger.Key);
        }
    }

    /// <summary>SOURCES.md §5: the nightly run waits up to `Sync:RecalcWaitMinutes` (20) for a running sync (the 00:00 reconcile).</summary>
    private async Task WaitForSyncAsync(CancellationToken cancellationToken)
    {
        var until = timeProvider.GetUtcNow().AddMinutes(SyncOptions.From(configuration).RecalcWaitMinutes);
        while (await sync.RunningAsync(cancellationToken) is { } running && timeProvider.GetUtcNow() < until)
        {
            LogWaitingForSync(running);
            await Task.Delay(TimeSpan.FromSeconds(30), timeProvider, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Nightly recalculation waits for sync run {RunId}")]
    private partial void LogWaitingForSync(string runId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recalculation job ({Trigger}, recovering {Recovering}): run {RunId} {Result}")]
    private partial void LogOutcome(string? runId, RecalculationResult result, TriggerKey trigger, bool recovering);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recalculation job ({Trigger}) stopped by the scheduler's shutdown")]
    private partial void LogStopped(TriggerKey trigger);
}
