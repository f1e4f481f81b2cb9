using Quartz;

namespace Analytics.Api.Shared.Scheduling;

/// <summary>Runs <see cref="PartitionMaintenance"/> at start-up and daily at 01:30 UTC (DATA_MODEL.md §8).</summary>
[DisallowConcurrentExecution]
public sealed class PartitionMaintenanceJob(PartitionMaintenance maintenance) : IJob
{
    public static readonly JobKey Key = new("partition-maintenance", "maintenance");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        new(maintenance.RunAsync(cancellationToken));
}
