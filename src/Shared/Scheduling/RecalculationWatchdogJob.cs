using Quartz;

namespace Analytics.Api.Shared.Scheduling;

/// <summary>
/// Every minute, on one node: a recalculation that is `running` with nobody beating on it (its instance stopped between chunks on
/// a graceful shutdown, or a `recalculate` process died) gets a trigger of the recalculation job, which continues it after its
/// last committed chunk. Quartz's own recovery covers a node that dies in the middle of the job; this covers the rest.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class RecalculationWatchdogJob(BatchRuns runs, RecalculationSettings settings, ILogger<RecalculationWatchdogJob> logger) : IJob
{
    public static readonly JobKey Key = new("recalculation-watchdog", NightlyRecalculationJob.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        foreach (var runId in await runs.StalledAsync(settings.AbandonAfter, cancellationToken))
        {
            var trigger = TriggerBuilder.Create()
                .ForJob(NightlyRecalculationJob.Key)
                .WithIdentity("resume-" + runId, NightlyRecalculationJob.Group)
                .UsingJobData(NightlyRecalculationJob.RunIdKey, runId)
                .StartNow()
                .Build();
            try
            {
                await context.Scheduler.ScheduleJob(trigger, cancellationToken: cancellationToken);
                LogResuming(runId);
            }
            catch (ObjectAlreadyExistsException)
            {
                // Its resumption is already waiting for the job (never two at once).
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recalculation {RunId} stalled (no heartbeat): scheduling its continuation")]
    private partial void LogResuming(string runId);
}
