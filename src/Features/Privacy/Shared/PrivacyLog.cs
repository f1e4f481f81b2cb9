using Analytics.Api.Shared.Database;
using Dapper;
using Npgsql;

namespace Analytics.Api.Features.Privacy.Shared;

/// <summary>
/// The two records every privacy action leaves (DATA_MODEL.md §7): a row of ops.audit_log (`privacy.*`) and, for exports and
/// erasures, a row of ops.privacy_requests. Written inside the caller's transaction.
/// </summary>
public static class PrivacyLog
{
    public static Task AuditAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, PrivacyAuditEntry entry, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(SqlQueries.Get("Privacy.Audit"), new
        {
            entry.OccurredAt,
            entry.ActorRef,
            entry.ActorRole,
            entry.Action,
            entry.SubjectRef,
            entry.RequestId,
            details = entry.DetailsJson,
        }, transaction, cancellationToken: cancellationToken));

    public static Task RequestAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, PrivacyRequestEntry entry, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(SqlQueries.Get("Privacy.Request"), new
        {
            entry.Id,
            entry.Kind,
            entry.SubjectId,
            entry.SubjectHash,
            entry.RequestedBy,
            entry.RequestedAt,
            entry.Status,
            entry.CompletedAt,
            details = entry.DetailsJson,
        }, transaction, cancellationToken: cancellationToken));
}
