using Quartz;

namespace Analytics.Api.Shared.Scheduling;

/// <summary>Runs <see cref="Retention"/> daily at 03:30 UTC (`Retention:Cron`, DATA_MODEL.md §9), on one node of the cluster.</summary>
[DisallowConcurrentExecution]
public sealed class RetentionJob(Retention retention) : IJob
{
    public const string DefaultCron = "0 30 3 * * ?";

    public static readonly JobKey Key = new("retention", "maintenance");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        new(retention.RunAsync(cancellationToken));
}
