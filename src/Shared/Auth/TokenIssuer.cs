using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Analytics.Api.Shared.Auth;

/// <summary>Issues the service's own HS256 access tokens with the claims of API.md §2.3.</summary>
public sealed class TokenIssuer(SymmetricSecurityKey signingKey, AuthOptions options, TimeProvider timeProvider)
{
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromHours(1);

    private readonly JsonWebTokenHandler _handler = new();

    public IssuedAccessToken Issue(TokenSubject subject, Guid sessionId)
    {
        var now = timeProvider.GetUtcNow();
        // JWT times have one-second resolution; truncating keeps iat, nbf and exp consistent with each other.
        var issuedAt = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
        var expires = issuedAt + AccessTokenLifetime;
        var tokenId = Guid.NewGuid();
        var claims = new Dictionary<string, object>
        {
            [ClaimNames.Subject] = subject.UserId,
            [ClaimNames.Name] = subject.FullName,
            [ClaimNames.Roles] = subject.Roles.ToArray(),
            [ClaimNames.OrganisationId] = subject.OrganisationId,
            [ClaimNames.SessionId] = sessionId.ToString(),
            [ClaimNames.TokenId] = tokenId.ToString(),
        };
        if (subject.Email is not null)
        {
            claims[ClaimNames.Email] = subject.Email.ToLowerInvariant();
        }

        if (subject.DepartmentId is not null)
        {
            claims[ClaimNames.DepartmentId] = subject.DepartmentId;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            IssuedAt = issuedAt.UtcDateTime,
            NotBefore = issuedAt.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(signingKey, SecurityAlgorithms.HmacSha256),
        };
        return new IssuedAccessToken(_handler.CreateToken(descriptor), tokenId, expires);
    }
}
