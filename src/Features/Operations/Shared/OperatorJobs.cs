using Analytics.Api.Shared.Database;
using Dapper;
using Npgsql;

namespace Analytics.Api.Features.Operations.Shared;

/// <summary>Reads one job of any kind by id (refresh_jobs, batch_runs: ids come from one ULID source, DATA_MODEL.md §0).</summary>
public static class OperatorJobs
{
    public static async Task<OperatorJob?> FindAsync(NpgsqlDataSource dataSource, string jobId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<OperatorJobRow>(new CommandDefinition(
            SqlQueries.Get("Jobs.Get"), new { jobId }, cancellationToken: cancellationToken));
        return row?.ToJob();
    }
}
