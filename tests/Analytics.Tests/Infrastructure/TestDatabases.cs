using Npgsql;

namespace Analytics.Tests.Infrastructure;

/// <summary>Creates throwaway databases on the cluster that scripts/test started (ANALYTICS_TEST_CONNECTION).</summary>
public static class TestDatabases
{
    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("ANALYTICS_TEST_CONNECTION")
        ?? throw new InvalidOperationException(
            "ANALYTICS_TEST_CONNECTION is not set: run the suite with scripts/test, which starts PostgreSQL.");

    /// <summary>Drops and recreates an empty database and returns its connection string.</summary>
    public static async Task<string> CreateEmptyAsync(string name)
    {
        await using (var admin = new NpgsqlConnection(AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        // Many fixtures own a database; idle pooled connections to the ones they are done with are closed after 15 s instead of
        // Npgsql's 300 s, so the suite never runs into the server's max_connections.
        return new NpgsqlConnectionStringBuilder(AdminConnectionString)
        {
            Database = name,
            ConnectionIdleLifetime = 15,
            ConnectionPruningInterval = 5,
        }.ConnectionString;
    }
}
