using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Database;
using Dapper;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Analytics.Api.Shared.Freshness;

/// <summary>
/// The second cache level (PRODUCT.md decision 9): `analytics.analytics_snapshots`, the stored default view of each analytic
/// per subject, kept 7 days. Payloads are stored as the API data object, so a read needs no recomputation.
/// </summary>
public sealed class SnapshotStore(NpgsqlDataSource dataSource, IOptions<JsonOptions> json, IConfiguration configuration, TimeProvider timeProvider)
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    private readonly byte[] _configurationHash = ConfigurationHash(configuration);

    public JsonSerializerOptions SerializerOptions => json.Value.SerializerOptions;

    public async Task<StoredSnapshot?> ReadAsync(SnapshotKey key, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<StoredSnapshot>(new CommandDefinition(
            SqlQueries.Get("Snapshots.Read"),
            new
            {
                subjectType = key.SubjectType,
                subjectId = key.SubjectId,
                role = key.Role,
                analytic = key.Analytic,
                oldest = timeProvider.GetUtcNow() - Retention,
            },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// The stored payloads of some subjects' rows of one analytic that were computed from the same inputs as
    /// <paramref name="inputsHash"/> (<see cref="InputsHash(string, DateOnly?, string, DateTimeOffset?)"/>), by subject id: how
    /// shared intermediates (course facts, an organisation's teaching peers) are reused until a sync, a definition or a setting
    /// changes them. Rows computed from other inputs are left out, so the caller recomputes them.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, TPayload>> ReadCurrentAsync<TPayload>(
        string subjectType, string role, string analytic, IReadOnlyList<string> subjectIds, byte[] inputsHash, CancellationToken cancellationToken)
        where TPayload : AnalyticPayload
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string SubjectId, string Payload)>(new CommandDefinition(
            SqlQueries.Get("Snapshots.ReadCurrent"),
            new
            {
                subjectType,
                role,
                analytic,
                subjectIds = subjectIds.ToArray(),
                inputsHash,
                oldest = timeProvider.GetUtcNow() - Retention,
            },
            cancellationToken: cancellationToken));
        return rows.ToDictionary(
            r => r.SubjectId,
            r => JsonSerializer.Deserialize<TPayload>(r.Payload, SerializerOptions)
                 ?? throw new JsonException($"The stored {analytic} row of {subjectType} {r.SubjectId} is empty."),
            StringComparer.Ordinal);
    }

    public async Task WriteAsync(IReadOnlyList<SnapshotWrite> writes, CancellationToken cancellationToken)
    {
        if (writes.Count == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await WriteAsync(connection, null, writes, cancellationToken);
    }

    /// <summary>Writes in the caller's transaction, so a nightly chunk and its resume position commit together.</summary>
    public async Task WriteAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyList<SnapshotWrite> writes, CancellationToken cancellationToken)
    {
        if (writes.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(SqlQueries.Get("Snapshots.Upsert"), connection, transaction);
        var p = command.Parameters;
        p.Add(Array("subjectTypes", writes.Select(w => w.Key.SubjectType)));
        p.Add(Array("subjectIds", writes.Select(w => w.Key.SubjectId)));
        p.Add(Array("roles", writes.Select(w => w.Key.Role)));
        p.Add(Array("analytics", writes.Select(w => w.Key.Analytic)));
        p.Add(Array("payloads", writes.Select(w => JsonSerializer.Serialize(w.Result.PayloadBase, w.Result.PayloadBase.GetType(), SerializerOptions))));
        p.Add(new NpgsqlParameter<DateTimeOffset[]>("computedAts", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz)
        {
            TypedValue = writes.Select(w => w.Result.ComputedAt).ToArray(),
        });
        p.Add(new NpgsqlParameter<DateTimeOffset?[]>("dataAsOfs", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz)
        {
            TypedValue = writes.Select(w => w.Result.DataAsOf).ToArray(),
        });
        p.Add(Array("sources", writes.Select(w => w.Result.Source)));
        p.Add(Array("definitionVersions", writes.Select(w => w.Result.PayloadBase.DefinitionVersion)));
        p.Add(new NpgsqlParameter<byte[][]>("inputsHashes", NpgsqlDbType.Array | NpgsqlDbType.Bytea)
        {
            TypedValue = writes.Select(w => InputsHash(w.Result)).ToArray(),
        });
        p.Add(new NpgsqlParameter<int?[]>("computeMs", NpgsqlDbType.Array | NpgsqlDbType.Integer)
        {
            TypedValue = writes.Select(w => w.ComputeMs).ToArray(),
        });
        p.Add(Array("jobIds", writes.Select(w => w.JobId)));
        p.Add(Array("suppressions", writes.Select(w => w.Result.Suppression is { } s ? JsonSerializer.Serialize(s, SerializerOptions) : null)));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>sha256(definition version, effective configuration, asOf, source, data as of): two runs on different inputs differ (§2).</summary>
    public byte[] InputsHash(IAnalyticResult result) =>
        InputsHash(result.PayloadBase.DefinitionVersion, result.PayloadBase.AsOf, result.Source, result.DataAsOf);

    /// <inheritdoc cref="InputsHash(IAnalyticResult)"/>
    public byte[] InputsHash(string definitionVersion, DateOnly? asOf, string source, DateTimeOffset? dataAsOf)
    {
        var material = string.Join('\n',
            definitionVersion,
            Convert.ToHexString(_configurationHash),
            asOf?.ToString("O") ?? string.Empty,
            source,
            dataAsOf?.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
        return SHA256.HashData(Encoding.UTF8.GetBytes(material));
    }

    private static NpgsqlParameter<string?[]> Array(string name, IEnumerable<string?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = values.ToArray() };

    /// <summary>The `Analytics` and `Privacy` settings that shape results (weights, thresholds, k), in a stable order.</summary>
    private static byte[] ConfigurationHash(IConfiguration configuration)
    {
        var settings = configuration.GetSection("Analytics").AsEnumerable()
            .Concat(configuration.GetSection("Privacy").AsEnumerable())
            .Where(pair => pair.Value is not null && !pair.Key.StartsWith("Analytics:Cache", StringComparison.Ordinal))
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => $"{pair.Key}={pair.Value}");
        return SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', settings)));
    }
}
