using Quartz;

namespace Analytics.Api.Features.Reports.Shared.Schedules;

/// <summary>
/// Every minute, on one node of the Quartz cluster, fires the report schedules that are due (<see cref="ScheduleRunner"/>). One
/// polling job over `report_schedules.next_run_at` rather than a Quartz trigger per schedule: the table stays the only record
/// of a schedule (create, delete and disable are plain SQL, no trigger to keep in step on every node), `nextRunAt` is what the
/// API shows, and a Unix cron that restricts both day fields needs two Quartz expressions anyway.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ReportScheduleJob(ScheduleRunner runner, TimeProvider timeProvider) : IJob
{
    public static readonly JobKey Key = new("report-schedules", "reports");

    public static readonly TriggerKey EveryMinute = new("report-schedules-every-minute", "reports");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await runner.RunDueAsync(timeProvider.GetUtcNow(), cancellationToken);
}
