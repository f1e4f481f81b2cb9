using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Analytics.Api.Shared.Database;

/// <summary>Ready when the store answers and the migrations journal exists (API.md §4.10).</summary>
public sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT to_regclass('ops.schema_versions') IS NOT NULL", connection);
            var migrated = (bool)(await command.ExecuteScalarAsync(cancellationToken) ?? false);
            return migrated ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("migrations not applied");
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("database unreachable");
        }
    }
}
