using Analytics.Api.Shared.Database;
using Dapper;
using Npgsql;
using Quartz;

namespace Analytics.Api.Shared.Scheduling;

/// <summary>Creates the monthly partitions of the coming months (DATA_MODEL.md §8), at start-up and daily at 01:30 UTC.</summary>
[DisallowConcurrentExecution]
public sealed class PartitionMaintenanceJob(NpgsqlDataSource dataSource, TimeProvider timeProvider) : IJob
{
    public static readonly JobKey Key = new("partition-maintenance", "maintenance");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        var month = new DateOnly(today.Year, today.Month, 1);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        foreach (var (table, monthsBack) in PartitionedTables.All)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                SqlQueries.Get("Partitions.Ensure"),
                new { table, fromMonth = month.AddMonths(-monthsBack), toMonth = month.AddMonths(3) },
                cancellationToken: cancellationToken));
        }
    }
}
