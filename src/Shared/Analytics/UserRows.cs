using System.Data.Common;
using Analytics.Api.Shared.Database;
using Dapper;
using Npgsql;

namespace Analytics.Api.Shared.Analytics;

/// <summary>
/// The result sets of one round trip over a set of users (`= ANY (@userIds)`), read in statement order. A per-user row ends
/// with a `UserId` column; the columns before it map to the same row record a single-user read used, and the rows are grouped
/// per user in the order the statement returned them. Result sets shared by the whole set (no user column) are read as is.
/// </summary>
public sealed class UserRows : IAsyncDisposable
{
    /// <summary>The name of the last column of every per-user row.</summary>
    public const string UserIdColumn = "UserId";

    private readonly DbDataReader _reader;
    private readonly CancellationToken _cancellationToken;
    private bool _started;

    private UserRows(DbDataReader reader, CancellationToken cancellationToken)
    {
        _reader = reader;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Runs <paramref name="sql"/> (several statements) in one round trip, on generic plans (`Subject.Users.Plan`).</summary>
    public static async Task<UserRows> QueryAsync(NpgsqlConnection connection, string sql, object parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var reader = await connection.ExecuteReaderAsync(
            new CommandDefinition(SqlQueries.Get("Subject.Users.Plan") + sql, parameters, cancellationToken: cancellationToken));
        try
        {
            // Past the planning setting's own result set, onto the first statement of the read.
            if (!await reader.NextResultAsync(cancellationToken))
            {
                throw new InvalidOperationException("The read returned no result set.");
            }
        }
        catch
        {
            await reader.DisposeAsync();
            throw;
        }

        return new(reader, cancellationToken);
    }

    /// <summary>The next result set, grouped by its last column (`UserId`).</summary>
    public async Task<ILookup<string, TRow>> PerUserAsync<TRow>()
    {
        await NextAsync();
        var last = _reader.FieldCount - 1;
        if (!string.Equals(_reader.GetName(last), UserIdColumn, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"A per-user result set ends with {UserIdColumn}; this one ends with {_reader.GetName(last)}.");
        }

        var parse = Parser<TRow>(last);
        var rows = new List<(string UserId, TRow Row)>();
        while (await _reader.ReadAsync(_cancellationToken))
        {
            rows.Add((_reader.GetString(last), parse(_reader)));
        }

        return rows.ToLookup(r => r.UserId, r => r.Row, StringComparer.Ordinal);
    }

    /// <summary>The next result set whose only column is a user id, as a set (e.g. the users that have a learning path).</summary>
    public async Task<IReadOnlySet<string>> UserIdsAsync()
    {
        await NextAsync();
        var users = new HashSet<string>(StringComparer.Ordinal);
        while (await _reader.ReadAsync(_cancellationToken))
        {
            users.Add(_reader.GetString(0));
        }

        return users;
    }

    /// <summary>The next result set as it is: rows the whole set of users shares.</summary>
    public async Task<IReadOnlyList<TRow>> SharedAsync<TRow>()
    {
        await NextAsync();
        var parse = Parser<TRow>(_reader.FieldCount);
        var rows = new List<TRow>();
        while (await _reader.ReadAsync(_cancellationToken))
        {
            rows.Add(parse(_reader));
        }

        return rows;
    }

    public ValueTask DisposeAsync() => _reader.DisposeAsync();

    /// <summary>
    /// Dapper's row parser over the first <paramref name="columns"/> columns: a record by its constructor, or a single value
    /// (string, DateOnly) — the untyped parser, because the typed one cannot cast its single-value parsers.
    /// </summary>
    private Func<DbDataReader, TRow> Parser<TRow>(int columns)
    {
        var parse = _reader.GetRowParser(typeof(TRow), startIndex: 0, length: columns);
        return reader => (TRow)parse(reader);
    }

    private async Task NextAsync()
    {
        if (_started && !await _reader.NextResultAsync(_cancellationToken))
        {
            throw new InvalidOperationException("The statements returned fewer result sets than were read.");
        }

        _started = true;
    }
}
