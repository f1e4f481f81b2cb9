using System.Text.Json;
using Analytics.Api.Shared.Privacy;
using Dapper;
using Npgsql;

namespace Analytics.Api.Shared.Sources.Upstream;

/// <summary>
/// Writes a mapped page into the store inside the caller's transaction (SOURCES.md §1.1): rows whose parents are missing and
/// rows the store refuses (a constraint) go to ops.sync_rejects instead of failing the page; the others are upserted with the
/// `IS DISTINCT FROM` guard, so an identical page writes nothing; tombstones and replace-sets delete. A stored row clears its
/// earlier reject. Rows of erased people (a tombstone, DATA_MODEL.md §10) are dropped before anything else, and so are the rows
/// that hang off them in the same page (a dropped learning path's steps): they are neither stored nor rejected.
/// </summary>
public sealed class UpstreamStoreWriter(ErasureTombstones tombstones)
{
    public const string Source = "upstream";

    private static readonly JsonSerializerOptions RowJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private static readonly string[] ParentTables =
        ["organisations", "departments", "users", "skills", "courses", "topics", "content_items", "assessments", "learning_paths"];

    public async Task<PageWriteResult> WriteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string entity, string scope, FeedBatch batch, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await DropErasedAsync(connection, transaction, batch, cancellationToken);
        var rejects = batch.Rejects.Select(r => (Key: $"{entity}:{r.Key}", r.Reason, r.Item)).ToList();
        var existing = await ExistingParentsAsync(connection, transaction, batch, cancellationToken);
        long written = 0, deleted = 0;
        var stored = new List<string>();
        var sets = new List<string>();
        foreach (var table in batch.Tables)
        {
            var accepted = new List<StagedRow>();
            foreach (var row in table.Upserts)
            {
                var missing = row.Parents.FirstOrDefault(p => !existing.Contains((p.Table, p.Id)));
                if (missing != default)
                {
                    rejects.Add(($"{table.Table.Name}:{row.Key}", $"missing parent: {missing.Table} {missing.Id}", row.Item));
                }
                else
                {
                    accepted.Add(row);
                }
            }

            if (table.Days is { } days)
            {
                await connection.ExecuteAsync(new CommandDefinition(SourceSql.Get("Upstream.EnsurePartitions"),
                    new { parent = $"lrs.{table.Table.Name}", first = days.First, last = days.Last }, transaction, cancellationToken: cancellationToken));
            }

            var (tableWritten, tableDeleted, refused) = await WriteTableAsync(connection, transaction, table, accepted, now, cancellationToken);
            written += tableWritten;
            deleted += tableDeleted;
            foreach (var (row, reason) in refused)
            {
                rejects.Add(($"{table.Table.Name}:{row.Key}", reason, row.Item));
            }

            var kept = accepted.Except(refused.Select(r => r.Row)).ToArray();
            // Under the table's name (a row's reject) and the entity's (the mapping's reject of the same item, in a feed of two tables).
            stored.AddRange(kept.SelectMany(r => new[] { $"{table.Table.Name}:{r.Key}", $"{entity}:{r.Key}" }));
            // A tombstone settles its item too: replaying an older rejected payload would bring the deleted row back.
            stored.AddRange(table.Deletes.Except(refused.Select(r => r.Row)).Select(r => $"{table.Table.Name}:{r.Key}"));
            if (table.Table.ReplaceSet)
            {
                sets.AddRange(table.ReplaceParents.Select(parent => $"{table.Table.Name}:{parent}|"));
            }

            // Rows of this page are parents of the page's later tables (a user's roles, a course's topics).
            existing.UnionWith(kept.Select(r => (table.Table.Name, r.Key)));
        }

        if (sets.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(SourceSql.Get("Upstream.Rejects.ClearSets"),
                new { source = Source, entity, prefixes = sets.ToArray() }, transaction, cancellationToken: cancellationToken));
        }

        if (stored.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(SourceSql.Get("Upstream.Rejects.Clear"),
                new { source = Source, entity, keys = stored.Distinct().ToArray() }, transaction, cancellationToken: cancellationToken));
        }

        var distinct = rejects.DistinctBy(r => r.Key).ToArray();
        if (distinct.Length > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(SourceSql.Get("Upstream.Rejects.Upsert"), new
            {
                source = Source,
                entity,
                scope,
                now,
                keys = distinct.Select(r => r.Key).ToArray(),
                reasons = distinct.Select(r => r.Reason).ToArray(),
                payloads = distinct.Select(r => JsonSerializer.Serialize(r.Item, r.Item.GetType(), UpstreamClient.Json)).ToArray(),
            }, transaction, cancellationToken: cancellationToken));
        }

        return new PageWriteResult(written, deleted, distinct.Length);
    }

    /// <summary>
    /// Removes from the page every row of an erased person: their user row, rows naming them as a parent (`users`), and rows whose
    /// parent was removed here (in page order, parents first).
    /// </summary>
    private async Task DropErasedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, FeedBatch batch, CancellationToken cancellationToken)
    {
        var people = batch.Tables.SelectMany(t => t.Upserts.SelectMany(r => r.Parents.Where(p => p.Table == "users").Select(p => p.Id))
                .Concat(t.Table == StoreTables.Users ? t.Upserts.Select(r => r.Key) : []))
            .ToArray();
        if (people.Length == 0)
        {
            return;
        }

        var erased = await tombstones.ErasedAmongAsync(connection, transaction, people, cancellationToken);
        if (erased.Count == 0)
        {
            return;
        }

        var dropped = erased.Select(id => ("users", id)).ToHashSet();
        foreach (var table in batch.Tables)
        {
            var gone = table.Upserts.Where(r => (table.Table == StoreTables.Users && erased.Contains(r.Key))
                                                || r.Parents.Any(p => dropped.Contains((p.Table, p.Id)))).ToArray();
            foreach (var row in gone)
            {
                table.Upserts.Remove(row);
                dropped.Add((table.Table.Name, row.Key));
            }

            table.ReplaceParents.ExceptWith(erased);
        }
    }

    /// <summary>
    /// One statement for the table; when the store refuses it (a unique key held by another id, a CHECK), the rows are written one
    /// by one, each under a savepoint, and the refused ones are returned with the reason.
    /// </summary>
    private static async Task<(long Written, long Deleted, List<(StagedRow Row, string Reason)> Refused)> WriteTableAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, TableBatch table, List<StagedRow> accepted, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var refused = new List<(StagedRow, string)>();
        var parents = table.Table.ReplaceSet ? table.ReplaceParents.ToArray() : [];
        if (accepted.Count == 0 && table.Deletes.Count == 0 && parents.Length == 0)
        {
            return (0, 0, refused);
        }

        await transaction.SaveAsync("upstream_table", cancellationToken);
        try
        {
            var (written, deleted) = await ExecuteAsync(connection, transaction, table.Table, accepted, table.Deletes, parents, now, cancellationToken);
            await transaction.ReleaseAsync("upstream_table", cancellationToken);
            return (written, deleted, refused);
        }
        catch (PostgresException exception) when (IsDataError(exception))
        {
            await transaction.RollbackAsync("upstream_table", cancellationToken);
        }

        // Tombstones and replace-sets first (a replace-set parent's rows all go, and the accepted ones come back one by one); a
        // tombstone the store refuses (an organisation that still has people) is a reject too.
        long rowsWritten = 0, rowsDeleted = 0;
        await transaction.SaveAsync("upstream_deletes", cancellationToken);
        try
        {
            var (_, removed) = await ExecuteAsync(connection, transaction, table.Table, [], table.Deletes, parents, now, cancellationToken);
            rowsDeleted += removed;
            await transaction.ReleaseAsync("upstream_deletes", cancellationToken);
        }
        catch (PostgresException exception) when (IsDataError(exception))
        {
            await transaction.RollbackAsync("upstream_deletes", cancellationToken);
            refused.AddRange(table.Deletes.Select(row => (row, $"deletion refused by the store: {exception.MessageText}")));
        }

        foreach (var row in accepted)
        {
            await transaction.SaveAsync("upstream_row", cancellationToken);
            try
            {
                var (one, _) = await ExecuteAsync(connection, transaction, table.Table, [row], [], [], now, cancellationToken);
                rowsWritten += one;
                await transaction.ReleaseAsync("upstream_row", cancellationToken);
            }
            catch (PostgresException exception) when (IsDataError(exception))
            {
                await transaction.RollbackAsync("upstream_row", cancellationToken);
                refused.Add((row, $"refused by the store: {exception.MessageText}"));
            }
        }

        return (rowsWritten, rowsDeleted, refused);
    }

    private static async Task<(long Written, long Deleted)> ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, StoreTable table, IReadOnlyList<StagedRow> rows,
        IReadOnlyList<StagedRow> deletes, string[] parents, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var result = await connection.QuerySingleAsync<(long Written, long Deleted)>(new CommandDefinition(SourceSql.Get(table.WriteSql), new
        {
            rows = JsonSerializer.Serialize(rows.Select(r => r.Record).ToArray(), RowJson),
            deleted = JsonSerializer.Serialize(deletes.Select(r => r.Record).ToArray(), RowJson),
            parents,
            source = Source,
            now,
        }, transaction, cancellationToken: cancellationToken));
        return result;
    }

    private static async Task<HashSet<(string Table, string Id)>> ExistingParentsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, FeedBatch batch, CancellationToken cancellationToken)
    {
        var wanted = batch.Tables.SelectMany(t => t.Upserts).SelectMany(r => r.Parents).Distinct().ToArray();
        if (wanted.Length == 0)
        {
            return [];
        }

        var parameters = new DynamicParameters();
        foreach (var table in ParentTables)
        {
            parameters.Add(table, wanted.Where(p => p.Table == table).Select(p => p.Id).ToArray());
        }

        var found = await connection.QueryAsync<(string Table, string Id)>(new CommandDefinition(
            SourceSql.Get("Upstream.ExistingParents"), parameters, transaction, cancellationToken: cancellationToken));
        return found.ToHashSet();
    }

    /// <summary>
    /// Class 22 (data exception), 23 (integrity constraint violation) and 21000 (one key twice in a page, which ON CONFLICT cannot
    /// update twice): the rows, not the store, are at fault. Written one by one, the page's later item for a key wins.
    /// </summary>
    private static bool IsDataError(PostgresException exception) =>
        exception.SqlState.StartsWith("22", StringComparison.Ordinal)
        || exception.SqlState.StartsWith("23", StringComparison.Ordinal)
        || exception.SqlState == PostgresErrorCodes.CardinalityViolation;
}
