using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Database;
using Dapper;
using Mediator;
using Npgsql;

namespace Analytics.Api.Features.Auth.Me;

/// <summary>
/// Reads the caller from the store; an external-mode user the store does not hold yet is described from the token's claims
/// (API.md §2.5). Roles are the token's (the store's roles take effect at the next refresh).
/// </summary>
public sealed class MeHandler(NpgsqlDataSource dataSource, CurrentUserAccessor currentUser, AuthOptions options)
    : IQueryHandler<MeQuery, MeResponse>
{
    public async ValueTask<MeResponse> Handle(MeQuery query, CancellationToken cancellationToken)
    {
        var caller = currentUser.Required;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var stored = await connection.QuerySingleOrDefaultAsync<StoredUser>(new CommandDefinition(
            SqlQueries.Get("Me.User"), new { userId = caller.UserId }, cancellationToken: cancellationToken));
        var organisationId = stored?.OrganisationId ?? caller.OrganisationId;
        var user = new MeUser(
            caller.UserId,
            stored?.Email ?? caller.Email,
            stored?.DisplayName ?? caller.Name ?? caller.UserId,
            caller.ActiveRole,
            caller.Roles,
            organisationId,
            organisationId,
            stored?.DepartmentId ?? caller.DepartmentId,
            stored?.TimeZone ?? "UTC",
            caller.ActiveRole,
            stored?.LastLoginAt);
        return new MeResponse(user, options.IsExternal ? AuthModes.External : AuthModes.Standalone);
    }

    private sealed record StoredUser(
        string? Email, string DisplayName, string OrganisationId, string? DepartmentId, string? TimeZone, DateTimeOffset? LastLoginAt);
}
