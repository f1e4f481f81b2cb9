using Analytics.Api.Shared.Database;
using Analytics.Tests.Infrastructure;
using Analytics.Tests.Shared.Database;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Analytics.Tests.Shared.Sources.Oulad;

/// <summary>The OULAD fixture beside the repository, fresh migrated databases and small SQL reads for the importer tests.</summary>
internal static class OuladTestData
{
    /// <summary>../shared/data/oulad-AAA-2013J from the folder holding Analytics.sln.</summary>
    public static string FixtureDirectory { get; } = RepositoryRoot.SharedData("oulad-AAA-2013J");

    public static async Task<string> MigratedDatabaseAsync(string name)
    {
        var connectionString = await TestDatabases.CreateEmptyAsync(name);
        await DatabaseMigrator.MigrateAsync(connectionString, NullLogger.Instance, CancellationToken.None);
        return connectionString;
    }

    /// <summary>A copy of the fixture's files in a new temporary folder (the caller deletes it), for tests that change a file.</summary>
    public static string CopyOfFixture()
    {
        var directory = Directory.CreateTempSubdirectory("oulad-test-").FullName;
        foreach (var file in Directory.EnumerateFiles(FixtureDirectory, "*.csv"))
        {
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        }

        return directory;
    }

    public static async Task<List<T>> ColumnAsync<T>(string connectionString, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var values = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql, params (string Name, object Value)[] parameters) =>
        (await ColumnAsync<T>(connectionString, sql, parameters)).Single();
}
