using Quartz;

namespace Analytics.Api.Shared.Scheduling;

/// <summary>
/// Queues a manual recalculation (API.md §4.9 `POST /admin/recalculations`): the run row first (so its id answers at once and a
/// second request meets it: one running run at a time), then a one-off trigger of the recalculation job pinned to this node,
/// which fails over to another node if this one dies and is recovered like the nightly run.
/// </summary>
public sealed class ManualRecalculations(BatchRuns runs, ISchedulerFactory schedulerFactory, RecalculationSettings settings)
{
    /// <summary>The queued run, or null with the run that is already running.</summary>
    public async Task<(BatchRunRow? Queued, BatchRunRow? Running)> RequestAsync(
        RecalculationParameters parameters, string? requestedBy, CancellationToken cancellationToken)
    {
        var run = await runs.CreateManualAsync(parameters, requestedBy, settings.Instance, cancellationToken);
        if (run is null)
        {
            return (null, await runs.RunningAsync(cancellationToken));
        }

        try
        {
            var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
            var trigger = TriggerBuilder.Create()
                .ForJob(NightlyRecalculationJob.Key)
                .WithIdentity("manual-" + run.Id, NightlyRecalculationJob.Group)
                .UsingJobData(NightlyRecalculationJob.RunIdKey, run.Id)
                .WithPreferredNode(PreferredNode.For(await scheduler.GetSchedulerInstanceId(cancellationToken)))
                .StartNow()
                .Build();
            await scheduler.ScheduleJob(trigger, cancellationToken: cancellationToken);
            return (run, null);
        }
        catch (Exception)
        {
            // Without its trigger the run would wait for the watchdog; end it so the next request can start one.
            await runs.FinishAsync(run.Id, settings.Instance, BatchRuns.Failed, "SCHEDULING_FAILED: the run could not be scheduled", CancellationToken.None);
            throw;
        }
    }
}
