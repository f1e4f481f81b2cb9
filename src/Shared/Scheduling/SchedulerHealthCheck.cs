using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace Analytics.Api.Shared.Scheduling;

/// <summary>Ready once the Quartz scheduler runs.</summary>
public sealed class SchedulerHealthCheck(ISchedulerFactory schedulerFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        var status = await scheduler.GetStatus(cancellationToken);
        return status == SchedulerStatus.Running ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy($"scheduler is {status}");
    }
}
