using DbUp;
using DbUp.Builder;
using DbUp.Engine;
using DbUp.Helpers;
using DbUp.Support;
using Npgsql;

namespace Analytics.Api.Shared.Database;

/// <summary>Applies the numbered migrations and the repeatable scripts (DATA_MODEL.md §11).</summary>
public static partial class DatabaseMigrator
{
    // Instances that start together serialise on this lock, so every script is applied exactly once.
    private const string MigrationLockSql = "SELECT pg_advisory_lock(hashtext('analytics-migrations'))";
    private const string MigrationUnlockSql = "SELECT pg_advisory_unlock(hashtext('analytics-migrations'))";

    private const string MigrationPrefix = "Migrations.";
    private const string RepeatablePrefix = "Repeatable.";
    private const string NonTransactionalSuffix = ".notx.sql";

    // Months created ahead of time (DATA_MODEL.md §8): raw activity also keeps the previous month open for late data.
    private static readonly (string Table, int MonthsBack, int MonthsAhead)[] PartitionedTables =
    [
        ("lrs.activity_days", 1, 3),
        ("lrs.sessions", 1, 3),
        ("analytics.analytics_history", 0, 3),
        ("analytics.predictions", 0, 3),
    ];

    public static Task MigrateAsync(string connectionString, ILogger logger, CancellationToken cancellationToken) =>
        MigrateAsync(connectionString, logger, TimeProvider.System, cancellationToken);

    internal static async Task MigrateAsync(
        string connectionString, ILogger logger, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(timeProvider);

        var upgradeLog = new DbUpLogAdapter(logger);
        EnsureDatabaseExists(connectionString, upgradeLog);

        await using var lockConnection = new NpgsqlConnection(connectionString);
        await lockConnection.OpenAsync(cancellationToken);
        await ExecuteAsync(lockConnection, MigrationLockSql, cancellationToken);
        try
        {
            // The journal lives in ops, and DbUp does not create the journal's schema.
            await ExecuteAsync(lockConnection, "CREATE SCHEMA IF NOT EXISTS ops", cancellationToken);

            var assembly = typeof(DatabaseMigrator).Assembly;
            Upgrade(
                "migrations",
                DeployChanges.To.PostgresqlDatabase(connectionString)
                    .WithScriptsEmbeddedInAssembly(assembly, IsTransactionalMigration)
                    .WithTransactionPerScript()
                    .JournalToPostgresqlTable("ops", "schema_versions"),
                upgradeLog);
            cancellationToken.ThrowIfCancellationRequested();

            // CREATE INDEX CONCURRENTLY and the like cannot run in a transaction; they run after the transactional ones.
            Upgrade(
                "non-transactional migrations",
                DeployChanges.To.PostgresqlDatabase(connectionString)
                    .WithScriptsEmbeddedInAssembly(assembly, IsNonTransactionalMigration)
                    .WithoutTransaction()
                    .JournalToPostgresqlTable("ops", "schema_versions"),
                upgradeLog);
            cancellationToken.ThrowIfCancellationRequested();

            Upgrade(
                "repeatable scripts",
                DeployChanges.To.PostgresqlDatabase(connectionString)
                    .WithScriptsEmbeddedInAssembly(
                        assembly,
                        name => name.StartsWith(RepeatablePrefix, StringComparison.Ordinal),
                        new SqlScriptOptions { ScriptType = ScriptType.RunAlways })
                    .WithTransactionPerScript()
                    .JournalTo(new NullJournal()),
                upgradeLog);
            cancellationToken.ThrowIfCancellationRequested();

            await EnsureAllPartitionsAsync(lockConnection, timeProvider, logger, cancellationToken);
        }
        finally
        {
            // Unlock even when cancelled: the connection may go back to a pool.
            await ExecuteAsync(lockConnection, MigrationUnlockSql, CancellationToken.None);
        }
    }

    /// <summary>
    /// The partitions every partitioned table needs around the current month (DATA_MODEL.md §8): run at start-up by the
    /// migrator and daily by the partition-maintenance job.
    /// </summary>
    public static async Task EnsureAllPartitionsAsync(
        NpgsqlConnection connection, TimeProvider timeProvider, ILogger logger, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        foreach (var (table, monthsBack, monthsAhead) in PartitionedTables)
        {
            var created = await EnsurePartitionsAsync(
                connection, table, thisMonth.AddMonths(-monthsBack), thisMonth.AddMonths(monthsAhead), cancellationToken);
            LogPartitionsEnsured(logger, table, created);
        }
    }

    /// <summary>
    /// Creates the missing monthly partitions of <paramref name="parentTable"/> (schema-qualified, e.g. "lrs.activity_days")
    /// for every month from <paramref name="fromMonth"/> to <paramref name="toMonth"/>, both inclusive; any day of a month
    /// stands for that month. Loaders call it for the min–max month of a batch before COPY, as there is no default partition.
    /// Returns how many partitions were created.
    /// </summary>
    public static async Task<int> EnsurePartitionsAsync(
        NpgsqlConnection connection, string parentTable, DateOnly fromMonth, DateOnly toMonth,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrWhiteSpace(parentTable);
        if (toMonth < fromMonth)
        {
            throw new ArgumentOutOfRangeException(nameof(toMonth), toMonth, "toMonth is before fromMonth.");
        }

        await using var command = new NpgsqlCommand(
            "SELECT ops.ensure_month_partitions(@parent::regclass, @from_month, @to_month)", connection);
        command.Parameters.AddWithValue("parent", parentTable);
        command.Parameters.AddWithValue("from_month", fromMonth);
        command.Parameters.AddWithValue("to_month", toMonth);
        var created = await command.ExecuteScalarAsync(cancellationToken);
        return created is int count ? count : 0;
    }

    private static bool IsTransactionalMigration(string resourceName) =>
        resourceName.StartsWith(MigrationPrefix, StringComparison.Ordinal)
        && !resourceName.EndsWith(NonTransactionalSuffix, StringComparison.Ordinal);

    private static bool IsNonTransactionalMigration(string resourceName) =>
        resourceName.StartsWith(MigrationPrefix, StringComparison.Ordinal)
        && resourceName.EndsWith(NonTransactionalSuffix, StringComparison.Ordinal);

    private static void EnsureDatabaseExists(string connectionString, DbUpLogAdapter upgradeLog)
    {
        try
        {
            EnsureDatabase.For.PostgresqlDatabase(connectionString, upgradeLog);
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another instance created it between the existence check and CREATE DATABASE.
        }
    }

    private static void Upgrade(string stage, UpgradeEngineBuilder builder, DbUpLogAdapter upgradeLog)
    {
        // Variables off: DbUp would otherwise read PL/pgSQL dollar quotes ($fn$) as $variable$ references.
        var result = builder.WithVariablesDisabled().LogTo(upgradeLog).Build().PerformUpgrade();

        // PerformUpgrade reports failure in the result instead of throwing; a failed migration must stop start-up.
        if (!result.Successful)
        {
            throw new InvalidOperationException(
                $"Database {stage} failed in script '{result.ErrorScript?.Name ?? "(none)"}': {result.Error?.Message}",
                result.Error);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information,
        Message = "Monthly partitions of {Table} ensured: {Created} created")]
    private static partial void LogPartitionsEnsured(ILogger logger, string table, int created);
}
