using Quartz;

namespace Analytics.Api.Shared.Scheduling;

/// <summary>
/// Quartz with the in-memory store for the foundation's maintenance jobs (API.md §4.10); the freshness work item moves it to
/// the clustered PostgreSQL store.
/// </summary>
public static class SchedulingSetup
{
    public static IServiceCollection AddAnalyticsScheduling(this IServiceCollection services)
    {
        services.AddSingleton<PartitionMaintenance>();
        services.AddQuartz(quartz =>
        {
            quartz.AddJob<PartitionMaintenanceJob>(job => job.WithIdentity(PartitionMaintenanceJob.Key).StoreDurably());
            quartz.AddTrigger(trigger => trigger
                .ForJob(PartitionMaintenanceJob.Key)
                .WithIdentity("partition-maintenance-daily", "maintenance")
                .WithCronSchedule("0 30 1 * * ?", cron => cron.InTimeZone(TimeZoneInfo.Utc)));
            quartz.AddTrigger(trigger => trigger
                .ForJob(PartitionMaintenanceJob.Key)
                .WithIdentity("partition-maintenance-at-start", "maintenance")
                .StartNow());
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }
}
