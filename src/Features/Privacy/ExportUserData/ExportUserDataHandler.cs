using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Analytics.Api.Features.Privacy.Shared;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Errors;
using Analytics.Api.Shared.Privacy;
using Dapper;
using Mediator;
using Npgsql;

namespace Analytics.Api.Features.Privacy.ExportUserData;

/// <summary>
/// Reads the person's rows of every table in one statement (a consistent snapshot), records the request (completed, subject id
/// cleared, DATA_MODEL.md §7) and the audit entry `privacy.export`, and returns the archive. Secrets are never part of it.
/// </summary>
public sealed class ExportUserDataHandler(
    NpgsqlDataSource dataSource, CurrentUserAccessor currentUser, SubjectHasher hasher, TimeProvider timeProvider)
    : IQueryHandler<ExportUserDataQuery, UserDataExport>
{
    public async ValueTask<UserDataExport> Handle(ExportUserDataQuery query, CancellationToken cancellationToken)
    {
        var caller = currentUser.Required;
        var now = timeProvider.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        var json = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            SqlQueries.Get("ExportUserData"), new { userId = query.UserId }, transaction, cancellationToken: cancellationToken));
        if (json is null)
        {
            // Erased between the access check and this read.
            throw Problems.SubjectNotFound();
        }

        var tables = JsonNode.Parse(json)!.AsObject();
        var archive = new JsonObject { ["exportedAt"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) };
        // `{exportedAt, user, <table>: []}`: the person first, then the tables in name order (jsonb keeps its own key order).
        foreach (var (name, value) in tables.OrderBy(p => p.Key is "user" or "preferences" ? 0 : 1).ThenBy(p => p.Key, StringComparer.Ordinal).ToArray())
        {
            tables.Remove(name);
            archive[name] = value;
        }

        var counts = archive.Where(p => p.Value is JsonArray).ToDictionary(p => p.Key, p => ((JsonArray)p.Value!).Count);
        var details = JsonSerializer.Serialize(new { tables = counts });
        await PrivacyLog.RequestAsync(connection, transaction,
            new PrivacyRequestEntry(Guid.NewGuid(), "export", null, hasher.Hash(query.UserId), caller.UserId, now, "completed", now, details),
            cancellationToken);
        await PrivacyLog.AuditAsync(connection, transaction,
            new PrivacyAuditEntry(now, caller.UserId, caller.ActiveRole, "privacy.export", query.UserId, query.RequestId, details),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new UserDataExport(query.UserId, now, archive);
    }
}
