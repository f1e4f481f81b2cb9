using Analytics.Api.Shared.Database;
using Dapper;
using Npgsql;

namespace Analytics.Api.Shared.Privacy;

/// <summary>
/// The one "is this person erased" check of every loader (DATA_MODEL.md §7: loaders drop every record of a tombstoned id): the
/// upstream sync, the OULAD import and the demo generator ask it, so a later load never brings an erased person back.
/// </summary>
public sealed class ErasureTombstones(SubjectHasher hasher)
{
    public SubjectHasher Hasher => hasher;

    /// <summary>The ids among <paramref name="userIds"/> whose tombstone exists (each id hashed once).</summary>
    public async Task<IReadOnlySet<string>> ErasedAmongAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, IEnumerable<string> userIds, CancellationToken cancellationToken)
    {
        var byHash = userIds.Distinct(StringComparer.Ordinal).ToDictionary(hasher.Hex, id => id, StringComparer.Ordinal);
        if (byHash.Count == 0)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        var found = await connection.QueryAsync<string>(new CommandDefinition(
            SqlQueries.Get("Tombstones.Erased"), new { hashes = byHash.Keys.ToArray() }, transaction, cancellationToken: cancellationToken));
        return found.Select(hash => byHash[hash]).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Whether the store holds any tombstone (a loader without the key must then refuse to run).</summary>
    public static async Task<bool> AnyAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<bool>(new CommandDefinition(SqlQueries.Get("Tombstones.Any"), cancellationToken: cancellationToken));

    /// <summary>
    /// Removes the people a generator has just written again although they were erased (the demo generator's `--replace`
    /// rebuilds its whole synthetic world): their facts and their user rows, whose dependants cascade. Returns how many.
    /// </summary>
    public async Task<int> RemoveErasedPeopleAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (!await AnyAsync(connection, cancellationToken))
        {
            return 0;
        }

        var ids = await connection.QueryAsync<string>(new CommandDefinition(SqlQueries.Get("Tombstones.UserIds"), cancellationToken: cancellationToken));
        var erased = await ErasedAmongAsync(connection, null, ids, cancellationToken);
        if (erased.Count == 0)
        {
            return 0;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            SqlQueries.Get("Tombstones.RemovePeople"), new { ids = erased.ToArray() }, cancellationToken: cancellationToken));
        return erased.Count;
    }
}
