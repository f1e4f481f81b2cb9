using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Errors;
using Dapper;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;

namespace Analytics.Api.Shared.Auth;

/// <summary>
/// Decides whether the caller may read a subject (API.md §3.3–§3.4): 403 ACCESS_DENIED for out-of-scope and unknown ids alike,
/// 404 SUBJECT_NOT_FOUND only for the caller's own unknown id or organisation. Decisions are cached for a minute per
/// (caller, role, area, subject) so cached analytics reads do not pay a database round trip.
/// </summary>
public sealed class AccessPolicy(NpgsqlDataSource dataSource, IMemoryCache cache, AccessRules rules)
{
    private static readonly TimeSpan DecisionLifetime = TimeSpan.FromMinutes(1);

    public async ValueTask EnsureCanReadAsync(CurrentUser caller, SubjectArea area, string subjectId, CancellationToken cancellationToken)
    {
        var scope = rules.ScopeOf(area, caller.ActiveRole)
                    ?? throw Problems.RoleNotPermitted(caller.ActiveRole, rules.AllowedRoles(area));
        var key = (caller.UserId, caller.OrganisationId, caller.ActiveRole, scope, subjectId);
        // Privacy decisions are not cached: after an erasure the next request must see the subject gone at once.
        var cacheable = area is not (SubjectArea.PrivacyRequests or SubjectArea.PrivacyPreferences);
        if (!cacheable || !cache.TryGetValue(key, out AccessDecision decision))
        {
            decision = await DecideAsync(caller, scope, subjectId, cancellationToken);
            if (cacheable)
            {
                // The memory cache is size-limited in bytes (HybridCache sizes its entries by payload); a decision is a few dozen.
                cache.Set(key, decision, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = DecisionLifetime, Size = 64 });
            }
        }

        switch (decision)
        {
            case AccessDecision.Allowed:
                return;
            case AccessDecision.NotFound:
                throw Problems.SubjectNotFound();
            default:
                throw Problems.AccessDenied();
        }
    }

    private async Task<AccessDecision> DecideAsync(CurrentUser caller, SubjectScope scope, string subjectId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // The own id and the own organisation are matched before any user lookup, so a user id equal to an organisation id
        // cannot be confused with it (API.md §3.2).
        if (scope == SubjectScope.SelfOrStudents && subjectId == caller.UserId)
        {
            return AccessDecision.Allowed;
        }

        if (scope == SubjectScope.OwnOrganisation || (scope == SubjectScope.OwnOrganisationOrMembers && subjectId == caller.OrganisationId))
        {
            if (subjectId != caller.OrganisationId)
            {
                return AccessDecision.Denied;
            }

            var exists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                SqlQueries.Get("Access.OrganisationExists"), new { organisationId = subjectId }, cancellationToken: cancellationToken));
            return exists ? AccessDecision.Allowed : AccessDecision.NotFound;
        }

        var facts = await connection.QuerySingleOrDefaultAsync<SubjectFacts>(new CommandDefinition(
            SqlQueries.Get("Access.SubjectFacts"),
            new { subjectId, callerId = caller.UserId, callerOrganisationId = caller.OrganisationId },
            cancellationToken: cancellationToken));
        if (facts is null)
        {
            return subjectId == caller.UserId || scope == SubjectScope.AnyUser ? AccessDecision.NotFound : AccessDecision.Denied;
        }

        var allowed = scope switch
        {
            SubjectScope.Self => subjectId == caller.UserId,
            SubjectScope.AnyUser => true,
            SubjectScope.Students or SubjectScope.SelfOrStudents => facts.IsStudentOfCaller,
            SubjectScope.Members or SubjectScope.OwnOrganisationOrMembers => facts.OrganisationId == caller.OrganisationId,
            SubjectScope.OrganisationTrainers => (facts.OrganisationId == caller.OrganisationId && facts.IsTrainer)
                                                 || facts.TeachesForCallerOrganisation,
            _ => false,
        };
        return allowed ? AccessDecision.Allowed : AccessDecision.Denied;
    }

    private enum AccessDecision
    {
        Allowed,
        Denied,
        NotFound,
    }

    private sealed record SubjectFacts(string OrganisationId, bool IsStudentOfCaller, bool IsTrainer, bool TeachesForCallerOrganisation);
}
