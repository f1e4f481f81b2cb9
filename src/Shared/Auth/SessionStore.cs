using Analytics.Api.Shared.Database;
using Dapper;
using Npgsql;

namespace Analytics.Api.Shared.Auth;

/// <summary>
/// Issues token pairs and revokes them (API.md §2.4, DATA_MODEL.md §6): refresh tokens are stored hashed in families; a revoked
/// family or token goes to `auth.revoked_access`, is announced with NOTIFY to every instance and applied locally at once.
/// </summary>
public sealed class SessionStore(TokenIssuer issuer, RevokedAccessList revoked, TimeProvider timeProvider)
{
    public async Task<AuthSession> IssueAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, TokenSubject subject, Guid familyId,
        DateTimeOffset familyStartedAt, Guid? parentId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var refreshToken = RefreshTokenValue.Create();
        var familyEnds = familyStartedAt + RefreshTokenValue.FamilyLifetime;
        var refreshExpires = now + RefreshTokenValue.TokenLifetime < familyEnds ? now + RefreshTokenValue.TokenLifetime : familyEnds;
        await connection.ExecuteAsync(new CommandDefinition(
            SqlQueries.Get("Sessions.InsertRefreshToken"),
            new
            {
                id = Guid.NewGuid(),
                familyId,
                parentId,
                userId = subject.UserId,
                tokenHash = RefreshTokenValue.Hash(refreshToken),
                issuedAt = now,
                expiresAt = refreshExpires,
            },
            transaction,
            cancellationToken: cancellationToken));
        var access = issuer.Issue(subject, familyId);
        return new AuthSession(
            access.Token,
            refreshToken,
            (int)TokenIssuer.AccessTokenLifetime.TotalSeconds,
            (int)Math.Max(0, (refreshExpires - now).TotalSeconds),
            "Bearer",
            AuthUser.From(subject, subject.Roles.Count > 0 ? subject.Roles[0] : string.Empty));
    }

    /// <summary>Ends a refresh-token family and every access token issued from it (the `sid` claim) for their remaining hour.</summary>
    public async Task RevokeFamilyAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid familyId, string userId, string reason, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var expires = now + TokenIssuer.AccessTokenLifetime;
        await connection.ExecuteAsync(new CommandDefinition(
            SqlQueries.Get("Sessions.RevokeFamily"),
            new { familyId, userId, reason, now, expiresAt = expires, payload = $"family:{familyId}:{expires.ToUnixTimeSeconds()}" },
            transaction,
            cancellationToken: cancellationToken));
        revoked.RevokeFamily(familyId, expires);
    }

    /// <summary>Deny-lists one access token until it expires.</summary>
    public async Task RevokeAccessTokenAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid tokenId, string userId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            SqlQueries.Get("Sessions.RevokeAccessToken"),
            new { tokenId, userId, expiresAt, payload = $"jti:{tokenId}:{expiresAt.ToUnixTimeSeconds()}" },
            transaction,
            cancellationToken: cancellationToken));
        revoked.RevokeToken(tokenId, expiresAt);
    }

    /// <summary>The stored facts a token carries: roles, organisation and department are always read from the store.</summary>
    public static async Task<TokenSubject?> LoadSubjectAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string userId, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<SubjectRow>(new CommandDefinition(
            SqlQueries.Get("Sessions.LoadSubject"), new { userId }, transaction, cancellationToken: cancellationToken));
        return row is null
            ? null
            : new TokenSubject(row.Id, row.Email, row.DisplayName, Roles.Canonical(row.Roles), row.OrganisationId, row.DepartmentId, row.TimeZone);
    }

    // A class, not a positional record: Dapper reports text[] as System.Array, which no constructor signature matches.
    private sealed class SubjectRow
    {
        public string Id { get; set; } = string.Empty;

        public string? Email { get; set; }

        public string DisplayName { get; set; } = string.Empty;

        public string[] Roles { get; set; } = [];

        public string OrganisationId { get; set; } = string.Empty;

        public string? DepartmentId { get; set; }

        public string? TimeZone { get; set; }
    }
}
