using Analytics.Api.Features.Gamification.Shared;
using Analytics.Api.Features.Predictive.Shared;
using Analytics.Api.Features.Reports.Shared.Schedules;
using Analytics.Api.Shared.Hosting;
using Analytics.Api.Shared.Sources.Upstream;
using Quartz;

namespace Analytics.Api.Shared.Scheduling;

/// <summary>
/// Quartz on the clustered PostgreSQL store (DATA_MODEL.md §11, PRODUCT.md decision 10): every instance is a node of one cluster
/// (scheduler `analytics`, instance id generated), so each trigger fires on exactly one node, a dead node's recoverable jobs run
/// again on another, and a trigger missed while every node was down fires once when one comes back. Jobs and triggers have
/// fixed names and are declared again on every start, replacing the stored ones but keeping their firing history.
/// </summary>
public static class SchedulingSetup
{
    public static IServiceCollection AddAnalyticsScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        var scheduler = SchedulerSettings.From(configuration);
        var recalculation = RecalculationSettings.From(configuration);
        services.AddSingleton(scheduler);
        services.AddSingleton(recalculation);
        services.AddSingleton<PartitionMaintenance>();
        services.AddSingleton<BatchRuns>();
        services.AddSingleton<RecalculationSubjects>();
        services.AddSingleton<AnalyticsHistoryWriter>();
        services.AddSingleton<Recalculation>();
        services.AddSingleton<ManualRecalculations>();
        services.AddSingleton<Retention>();
        services.AddSingleton<DropOffModelStore>();
        services.AddSingleton<DropOffRetraining>();
        services.AddSingleton<DropOffRetrainJob>();
        services.AddSingleton<GamificationLedger>();
        services.AddSingleton<ISyncListener, GamificationSyncListener>();
        services.AddQuartz(quartz =>
        {
            UseClusteredStore(quartz, scheduler);
            quartz.AddJob<PartitionMaintenanceJob>(job => job.WithIdentity(PartitionMaintenanceJob.Key).StoreDurably());
            AddCronTrigger(quartz, PartitionMaintenanceJob.Key, new TriggerKey("partition-maintenance-daily", "maintenance"), "0 30 1 * * ?");
            quartz.AddTrigger(trigger => trigger
                .ForJob(PartitionMaintenanceJob.Key)
                .WithIdentity("partition-maintenance-at-start", "maintenance")
                .StartNow());

            quartz.AddJob<NightlyRecalculationJob>(job => job.WithIdentity(NightlyRecalculationJob.Key).StoreDurably().RequestRecovery());
            AddCronTrigger(quartz, NightlyRecalculationJob.Key, NightlyRecalculationJob.NightlyTrigger, recalculation.Cron);
            quartz.AddJob<RecalculationWatchdogJob>(job => job.WithIdentity(RecalculationWatchdogJob.Key).StoreDurably());
            quartz.AddTrigger(trigger => trigger
                .ForJob(RecalculationWatchdogJob.Key)
                .WithIdentity("recalculation-watchdog-every-minute", NightlyRecalculationJob.Group)
                .StartNow()
                .WithSimpleSchedule(schedule => schedule.WithInterval(TimeSpan.FromMinutes(1)).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));

            quartz.AddJob<DropOffRetrainJob>(job => job.WithIdentity(DropOffRetrainJob.Key).StoreDurably());
            AddCronTrigger(quartz, DropOffRetrainJob.Key, new TriggerKey("dropoff-retrain-weekly", "predictive"),
                configuration["DropOff:RetrainCron"] is { Length: > 0 } retrainCron ? retrainCron : DropOffRetrainJob.DefaultCron);
            quartz.AddJob<GamificationNightlyJob>(job => job.WithIdentity(GamificationNightlyJob.Key).StoreDurably());
            AddCronTrigger(quartz, GamificationNightlyJob.Key, new TriggerKey("gamification-nightly", "gamification"),
                configuration["Analytics:Gamification:NightlyCron"] is { Length: > 0 } gamificationCron ? gamificationCron : GamificationNightlyJob.DefaultCron);
            quartz.AddJob<ReportScheduleJob>(job => job.WithIdentity(ReportScheduleJob.Key).StoreDurably());
            quartz.AddTrigger(trigger => trigger
                .ForJob(ReportScheduleJob.Key)
                .WithIdentity(ReportScheduleJob.EveryMinute)
                .StartNow()
                .WithSimpleSchedule(schedule => schedule.WithInterval(TimeSpan.FromMinutes(1)).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
            AddUpstreamSync(quartz, configuration);
            quartz.AddJob<RetentionJob>(job => job.WithIdentity(RetentionJob.Key).StoreDurably());
            AddCronTrigger(quartz, RetentionJob.Key, new TriggerKey("retention-daily", "maintenance"),
                configuration["Retention:Cron"] is { Length: > 0 } cron ? cron : RetentionJob.DefaultCron);
        });
        // Started inside the host's start (not after it): /health/ready and the first request find the scheduler running.
        // Stopping asks running jobs to stop and waits for them; a recalculation stops at once and is resumed elsewhere.
        services.AddQuartzHostedService(options =>
        {
            options.AwaitApplicationStarted = false;
            options.WaitForJobsToComplete = true;
        });
        return services;
    }

    /// <summary>
    /// The sync jobs of SOURCES.md §5, in the upstream and mixed modes only: incremental every `Sync:IncrementalMinutes` (0 switches
    /// it off; the first firing is one interval after the start) and the full reconcile at `Sync:FullReconcileCron`.
    /// </summary>
    private static void AddUpstreamSync(IQuartzBuilder quartz, IConfiguration configuration)
    {
        quartz.AddJob<UpstreamSyncJob>(job => job.WithIdentity(UpstreamSyncJob.Key).StoreDurably());
        if (SourceModes.Current(configuration) is not (SourceModes.Upstream or SourceModes.Mixed))
        {
            return;
        }

        var options = SyncOptions.From(configuration);
        if (options.OnStart)
        {
            // `Sync:OnStart`: one incremental sync as soon as the scheduler runs (the local run with the stub fills its store so).
            quartz.AddTrigger(trigger => trigger
                .ForJob(UpstreamSyncJob.Key)
                .WithIdentity("upstream-at-start", UpstreamSyncJob.Group)
                .StartNow());
        }

        if (options.IncrementalMinutes > 0)
        {
            quartz.AddTrigger(trigger => trigger
                .ForJob(UpstreamSyncJob.Key)
                .WithIdentity("upstream-incremental", UpstreamSyncJob.Group)
                .StartAt(DateTimeOffset.UtcNow.AddMinutes(options.IncrementalMinutes))
                .WithSimpleSchedule(schedule => schedule.WithInterval(TimeSpan.FromMinutes(options.IncrementalMinutes)).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
        }

        quartz.AddTrigger(trigger => trigger
            .ForJob(UpstreamSyncJob.Key)
            .WithIdentity("upstream-full-reconcile", UpstreamSyncJob.Group)
            .UsingJobData(UpstreamSyncJob.ModeKey, "full")
            .WithCronSchedule(options.FullReconcileCron, schedule => schedule
                .InTimeZone(TimeZoneInfo.Utc)
                .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
    }

    /// <summary>The clustered PostgreSQL store with the settings every node of the cluster shares (also used by the cluster tests).</summary>
    public static void UseClusteredStore(IQuartzBuilder quartz, SchedulerSettings settings, string schedulerName = SchedulerSettings.SchedulerName)
    {
        quartz.ConfigureScheduler(scheduler =>
        {
            scheduler.InstanceName = schedulerName;
            scheduler.ShutdownJobInterruption = ShutdownJobInterruption.WhenWaitingForJobs;
        });
        // A trigger declared again at start-up keeps the firing history of the one it replaces: a nightly run missed while
        // every node was down is still due (and fires once) rather than moved to the next night.
        quartz.ConfigureOptions<QuartzOptions>(options =>
        {
            options.Scheduling.OverwriteExistingData = true;
            options.Scheduling.ScheduleTriggerRelativeToReplacedTrigger = true;
        });
        quartz.UsePersistentStore(store =>
        {
            store.UsePostgres(settings.ConnectionString);
            store.UseClustering(clustering =>
            {
                clustering.CheckinInterval = settings.CheckinInterval;
                if (settings.CheckinMisfireThreshold is { } threshold)
                {
                    clustering.CheckinMisfireThreshold = threshold;
                }
            });
            store.UseSystemTextJsonSerializer();
            store.ProvisionSchema();
            store.ConfigureStore(options => options.MisfireThreshold = settings.MisfireThreshold);
        });
    }

    /// <summary>A daily (cron, UTC) trigger that fires once when its time was missed, then keeps its schedule.</summary>
    public static void AddCronTrigger(IQuartzBuilder quartz, JobKey job, TriggerKey key, string cron) =>
        quartz.AddTrigger(trigger => trigger
            .ForJob(job)
            .WithIdentity(key)
            .WithCronSchedule(cron, schedule => schedule
                .InTimeZone(TimeZoneInfo.Utc)
                .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
}
