using Quartz;

namespace Analytics.Api.Shared.Sources.Upstream;

/// <summary>
/// Queues an operator's sync (API.md §4.9 `POST /integration/sync`): the run row first, so its id answers at once and a second
/// request meets it, then a one-off trigger of <see cref="UpstreamSyncJob"/> carrying it.
/// </summary>
public sealed class ManualSyncs(UpstreamSync sync, ISchedulerFactory schedulerFactory)
{
    /// <summary>The queued run's id, or null with the id of the run that is already running.</summary>
    public async Task<(string? Queued, string? Running)> RequestAsync(SyncRequest request, CancellationToken cancellationToken)
    {
        if (await sync.RunningAsync(cancellationToken) is { } running)
        {
            return (null, running);
        }

        var runId = await sync.OpenAsync(request, cancellationToken);
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        var trigger = TriggerBuilder.Create()
            .ForJob(UpstreamSyncJob.Key)
            .WithIdentity("manual-" + runId, UpstreamSyncJob.Group)
            .UsingJobData(UpstreamSyncJob.RunIdKey, runId)
            .UsingJobData(UpstreamSyncJob.ModeKey, request.Mode == SyncMode.Full ? "full" : "incremental")
            .UsingJobData(UpstreamSyncJob.UpstreamsKey, string.Join(',', (request.Services ?? []).Select(s => s.Name)))
            .UsingJobData(UpstreamSyncJob.OrganisationKey, request.OrganisationId ?? string.Empty)
            .UsingJobData(UpstreamSyncJob.RequestedByKey, request.RequestedBy ?? string.Empty)
            .StartNow()
            .Build();
        await scheduler.ScheduleJob(trigger, cancellationToken: cancellationToken);
        return (runId, null);
    }
}
