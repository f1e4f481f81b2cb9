using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Sources.Oulad;
using Analytics.Tests.Shared.Database;
using Microsoft.Extensions.Logging.Abstractions;

namespace Analytics.Tests.Infrastructure;

/// <summary>
/// The OULAD training part (../shared/data/oulad: 19,397 registrations, 6.5 M click rows) imported once per test run into its own
/// database (CONVENTIONS.md, Tests); every test that needs it shares this import and only reads it.
/// </summary>
public static class OuladTrainingStore
{
    private static readonly Lazy<Task<string>> Import = new(ImportAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string DataDirectory { get; } = RepositoryRoot.SharedData("oulad");

    public static Task<string> ConnectionStringAsync() => Import.Value;

    private static async Task<string> ImportAsync()
    {
        var connectionString = await TestDatabases.CreateEmptyAsync("oulad_training");
        await DatabaseMigrator.MigrateAsync(connectionString, NullLogger.Instance, CancellationToken.None);
        var result = await OuladImporter.RunAsync(connectionString, DataDirectory, NullLogger.Instance, CancellationToken.None);
        Assert.That(result.ExitCode, Is.Zero, "the OULAD training part did not import cleanly");
        return connectionString;
    }
}
