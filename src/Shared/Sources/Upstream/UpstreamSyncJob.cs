using Quartz;

namespace Analytics.Api.Shared.Sources.Upstream;

/// <summary>
/// The sync jobs of SOURCES.md §5 on the clustered scheduler (each fires once across instances, never two at once):
/// `upstream-incremental` every `Sync:IncrementalMinutes`, `upstream-full-reconcile` at `Sync:FullReconcileCron` (00:00 UTC), and an
/// operator's one-off trigger carrying the run it opened. A scheduled firing while another instance's run is alive is skipped.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class UpstreamSyncJob(UpstreamSync sync, ILogger<UpstreamSyncJob> logger) : IJob
{
    public const string Group = "upstream";
    public const string RunIdKey = "runId";
    public const string ModeKey = "mode";
    public const string UpstreamsKey = "upstreams";
    public const string OrganisationKey = "organisationId";
    public const string RequestedByKey = "requestedBy";

    public static readonly JobKey Key = new("upstream-sync", Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var services = data.GetString(UpstreamsKey) is { Length: > 0 } names
            ? names.Split(',').Select(UpstreamServices.Find).OfType<UpstreamService>().ToArray()
            : null;
        var request = new SyncRequest(
            data.GetString(ModeKey) == "full" ? SyncMode.Full : SyncMode.Incremental,
            services,
            data.GetString(OrganisationKey) is { Length: > 0 } organisation ? organisation : null)
        {
            Trigger = data.GetString(RunIdKey) is null ? "schedule" : "manual",
            RequestedBy = data.GetString(RequestedByKey) is { Length: > 0 } requestedBy ? requestedBy : null,
        };
        try
        {
            if (data.GetString(RunIdKey) is { } runId)
            {
                await sync.RunAsync(runId, request, cancellationToken);
            }
            else if (await sync.RunningAsync(cancellationToken) is { } running)
            {
                LogSkipped(context.Trigger.Key, running);
            }
            else
            {
                await sync.RunAsync(request, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogStopped(context.Trigger.Key);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Upstream sync ({Trigger}) skipped: run {RunId} is still running")]
    private partial void LogSkipped(TriggerKey trigger, string runId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Upstream sync ({Trigger}) stopped by the scheduler's shutdown")]
    private partial void LogStopped(TriggerKey trigger);
}
