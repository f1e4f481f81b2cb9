using System.Text.Json;
using Analytics.Api.Features.Privacy.Shared;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Errors;
using Analytics.Api.Shared.Freshness;
using Analytics.Api.Shared.Hosting;
using Analytics.Api.Shared.Privacy;
using Dapper;
using Mediator;
using Npgsql;

namespace Analytics.Api.Features.Privacy.EraseUser;

/// <summary>
/// GDPR erasure (DATA_MODEL.md §10) in one transaction: the request row, the audit entry `privacy.erasure.requested`, the tombstone,
/// the deletes and anonymisations of EraseUser.sql, the recomputation of everything that counted or named the person (refresh
/// jobs with trigger `erasure`), the audit entry `privacy.erasure.completed` with the counts, and the request closed. A person
/// who is not there (already erased) is 404 SUBJECT_NOT_FOUND with nothing written.
/// </summary>
public sealed class EraseUserHandler(
    NpgsqlDataSource dataSource,
    CurrentUserAccessor currentUser,
    SubjectHasher hasher,
    SymmetricKeyHmac loginHmac,
    SnapshotAnalytics analytics,
    AuthOptions authOptions,
    IConfiguration configuration,
    TimeProvider timeProvider) : ICommandHandler<EraseUserCommand, ErasureReceipt>
{
    /// <summary>How long an erased family's access tokens stay deny-listed: an access token lives one hour (API.md §2.3).</summary>
    private static readonly TimeSpan AccessTokenLife = TimeSpan.FromHours(1);

    public async ValueTask<ErasureReceipt> Handle(EraseUserCommand command, CancellationToken cancellationToken)
    {
        var caller = currentUser.Required;
        var now = timeProvider.GetUtcNow();
        var requestId = Guid.NewGuid();
        var subjectRef = hasher.Reference(command.UserId);
        var selfErasure = caller.UserId == command.UserId;
        var actorRef = selfErasure ? subjectRef : caller.UserId;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var subject = await connection.QuerySingleOrDefaultAsync<ErasureSubject>(new CommandDefinition(
            SqlQueries.Get("EraseUser.Subject"), new { userId = command.UserId }, transaction, cancellationToken: cancellationToken))
            ?? throw Problems.SubjectNotFound();

        await PrivacyLog.RequestAsync(connection, transaction,
            new PrivacyRequestEntry(requestId, "erasure", subject.Id, hasher.Hash(subject.Id), caller.UserId, now, "running", null, null),
            cancellationToken);
        await PrivacyLog.AuditAsync(connection, transaction,
            new PrivacyAuditEntry(now, caller.UserId, caller.ActiveRole, "privacy.erasure.requested", subject.Id, command.RequestId,
                JsonSerializer.Serialize(new { privacyRequestId = requestId })),
            cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(SqlQueries.Get("EraseUser.Tombstone"),
            new { subjectHash = hasher.Hash(subject.Id), now, requestId }, transaction, cancellationToken: cancellationToken));

        var pattern = $"(^|[^A-Za-z0-9_-]){subject.Id}($|[^A-Za-z0-9_-])";
        var targets = (await connection.QueryAsync<RecomputeTarget>(new CommandDefinition(SqlQueries.Get("EraseUser.Targets"),
            new { userId = subject.Id, organisationId = subject.OrganisationId, pattern }, transaction, cancellationToken: cancellationToken))).ToArray();

        var counts = new List<ErasureCount>();
        var parameters = new
        {
            userId = subject.Id,
            organisationId = subject.OrganisationId,
            email = subject.Email,
            loginHash = subject.Email is null ? null : loginHmac.Hash(subject.Email.Trim()),
            pattern,
            subjectRef,
            now,
            expiresAt = now + AccessTokenLife,
            expiresUnix = (now + AccessTokenLife).ToUnixTimeSeconds(),
        };
        await using (var results = await connection.QueryMultipleAsync(new CommandDefinition(
                         SqlQueries.Get("EraseUser"), parameters, transaction, cancellationToken: cancellationToken)))
        {
            while (!results.IsConsumed)
            {
                // By position: each statement names its columns once at most.
                counts.AddRange((await results.ReadAsync<(string Table, long Count, string Kind)>()).Select(r => new ErasureCount(r.Table, r.Count, r.Kind)));
            }
        }

        var jobs = await Recomputation.EnqueueAsync(connection, transaction, analytics, targets, "erasure",
            selfErasure ? null : caller.UserId, now, cancellationToken);
        var deleted = Totals(counts, "deleted");
        var jobIds = jobs.Select(j => j.JobId).Distinct(StringComparer.Ordinal).ToArray();
        var details = JsonSerializer.Serialize(new { privacyRequestId = requestId, deleted, anonymised = Totals(counts, "anonymised"), recomputeJobIds = jobIds });
        await PrivacyLog.AuditAsync(connection, transaction,
            new PrivacyAuditEntry(timeProvider.GetUtcNow(), actorRef, caller.ActiveRole, "privacy.erasure.completed", subjectRef, command.RequestId, details),
            cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(SqlQueries.Get("EraseUser.Finish"),
            new { requestId, now = timeProvider.GetUtcNow(), details }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        // The receipt names the organisation's job: every erasure recomputes the person's organisation.
        var organisationJob = jobs.FirstOrDefault(j => j.Subject.SubjectType == "organisation").JobId ?? jobIds.FirstOrDefault();
        return new ErasureReceipt(subject.Id, now, deleted, organisationJob, Notes());
    }

    private static SortedDictionary<string, long> Totals(IEnumerable<ErasureCount> counts, string kind) =>
        new(counts.Where(c => c.Kind == kind).GroupBy(c => c.Table).ToDictionary(g => g.Key, g => g.Sum(c => c.Count)), StringComparer.Ordinal);

    /// <summary>The service holds a copy: where the person comes from, they have to be erased too (DATA_MODEL.md §10).</summary>
    private List<string>? Notes()
    {
        var notes = new List<string>();
        if (authOptions.IsExternal)
        {
            notes.Add("External identity mode: the person's account must also be removed at the identity provider; this service removed only its own copy.");
        }

        if (SourceModes.Current(configuration) is SourceModes.Upstream or SourceModes.Mixed)
        {
            notes.Add("The upstream services still hold the person: erase them there too. The tombstone keeps later syncs from loading them again.");
        }

        return notes.Count > 0 ? notes : null;
    }
}
