using Npgsql;

namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>
/// The bulk fast path for the non-partitioned tables of an empty store (DATA_MODEL.md §8): drop their foreign keys, their
/// secondary indexes and — where nothing else references them — their primary and unique keys; load; then re-create the
/// indexes and keys from the saved definitions and re-add every foreign key as NOT VALID followed by one set-based VALIDATE.
/// </summary>
public sealed class ConstraintStash
{
    private readonly List<(string Table, string Name, string Definition)> _foreignKeys = [];
    private readonly List<(string Table, string Name, string Definition)> _keys = [];
    private readonly List<(string Table, string Definition, string Name)> _indexes = [];

    public int ForeignKeys => _foreignKeys.Count;

    public int Indexes => _indexes.Count + _keys.Count;

    /// <summary>Saves and drops, in one transaction, the constraints and indexes of <paramref name="tables"/>.</summary>
    public async Task DropAsync(NpgsqlConnection connection, IReadOnlyList<string> tables, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(tables);
        var names = tables.ToArray();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ReadAsync(connection, """
            SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)
            FROM pg_constraint c
            WHERE c.contype = 'f' AND c.conrelid = ANY(@tables::text[]::regclass[])
            ORDER BY 1, 2
            """, names, r => _foreignKeys.Add((r.GetString(0), r.GetString(1), r.GetString(2))), cancellationToken);
        foreach (var (table, name, _) in _foreignKeys)
        {
            await ExecuteAsync(connection, $"ALTER TABLE {table} DROP CONSTRAINT {Quote(name)}", cancellationToken);
        }

        await ReadAsync(connection, """
            SELECT i.indrelid::regclass::text, pg_get_indexdef(i.indexrelid), i.indexrelid::regclass::text
            FROM pg_index i
            WHERE i.indrelid = ANY(@tables::text[]::regclass[])
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x'))
            ORDER BY 1, 3
            """, names, r => _indexes.Add((r.GetString(0), r.GetString(1), r.GetString(2))), cancellationToken);
        foreach (var (_, _, index) in _indexes)
        {
            await ExecuteAsync(connection, $"DROP INDEX {index}", cancellationToken);
        }

        // Keys that a remaining foreign key (from outside the loaded set) depends on stay.
        await ReadAsync(connection, """
            SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)
            FROM pg_constraint c
            WHERE c.contype IN ('p', 'u') AND c.conrelid = ANY(@tables::text[]::regclass[])
              AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.confrelid = c.conrelid)
            ORDER BY 1, 2
            """, names, r => _keys.Add((r.GetString(0), r.GetString(1), r.GetString(2))), cancellationToken);
        foreach (var (table, name, _) in _keys)
        {
            await ExecuteAsync(connection, $"ALTER TABLE {table} DROP CONSTRAINT {Quote(name)}", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Re-creates the keys and indexes, table by table, over <paramref name="connections"/> in parallel.</summary>
    public async Task RestoreIndexesAsync(IReadOnlyList<NpgsqlConnection> connections, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connections);
        var statements = _keys.Select(k => (k.Table, Sql: $"ALTER TABLE {k.Table} ADD CONSTRAINT {Quote(k.Name)} {k.Definition}"))
            .Concat(_indexes.Select(i => (i.Table, Sql: i.Definition)))
            .GroupBy(s => s.Table, StringComparer.Ordinal)
            .Select(g => g.Select(s => s.Sql).ToList())
            .ToList();
        await RunSpreadAsync(connections, statements, cancellationToken);
        _keys.Clear();
        _indexes.Clear();
    }

    /// <summary>Re-adds the foreign keys NOT VALID (a brief lock), then validates each with one scan (concurrent readers allowed).</summary>
    public async Task RestoreForeignKeysAsync(IReadOnlyList<NpgsqlConnection> connections, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connections);
        foreach (var (table, name, definition) in _foreignKeys)
        {
            await ExecuteAsync(connections[0], $"ALTER TABLE {table} ADD CONSTRAINT {Quote(name)} {definition} NOT VALID", cancellationToken);
        }

        var validations = _foreignKeys
            .GroupBy(f => f.Table, StringComparer.Ordinal)
            .Select(g => g.Select(f => $"ALTER TABLE {f.Table} VALIDATE CONSTRAINT {Quote(f.Name)}").ToList())
            .ToList();
        await RunSpreadAsync(connections, validations, cancellationToken);
        _foreignKeys.Clear();
    }

    private static async Task RunSpreadAsync(IReadOnlyList<NpgsqlConnection> connections, List<List<string>> groups, CancellationToken cancellationToken)
    {
        var next = -1;
        await Task.WhenAll(connections.Select(async connection =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < groups.Count)
            {
                foreach (var sql in groups[index])
                {
                    await ExecuteAsync(connection, sql, cancellationToken);
                }
            }
        }));
    }

    private static async Task ReadAsync(
        NpgsqlConnection connection, string sql, string[] tables, Action<NpgsqlDataReader> row, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("tables", tables);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            row(reader);
        }
    }

    internal static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
