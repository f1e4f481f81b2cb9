namespace Analytics.Api.Shared.Database;

/// <summary>Applies the numbered migrations and the repeatable scripts (DATA_MODEL.md §11).</summary>
public static class DatabaseMigrator
{
    public static Task MigrateAsync(string connectionString, ILogger logger, CancellationToken cancellationToken) =>
        throw new NotImplementedException();
}
