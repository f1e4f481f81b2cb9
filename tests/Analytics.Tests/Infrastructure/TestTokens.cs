using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Analytics.Tests.Infrastructure;

/// <summary>Mints access tokens with the test host's key, or deliberately wrong ones, for the token-failure tests.</summary>
public static class TestTokens
{
    public static string Mint(
        string userId,
        string[] roles,
        string organisationId,
        DateTimeOffset? issuedAt = null,
        TimeSpan? lifetime = null,
        string issuer = "learning-analytics",
        string audience = "learning-analytics-api",
        string? key = null)
    {
        var iat = issuedAt ?? DateTimeOffset.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = iat.UtcDateTime,
            NotBefore = iat.UtcDateTime,
            Expires = (iat + (lifetime ?? TimeSpan.FromHours(1))).UtcDateTime,
            Claims = new Dictionary<string, object>
            {
                ["sub"] = userId,
                ["roles"] = roles,
                ["org_id"] = organisationId,
                ["sid"] = Guid.NewGuid().ToString(),
                ["jti"] = Guid.NewGuid().ToString(),
            },
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Convert.FromBase64String(key ?? AnalyticsApiFactory.SigningKey)), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>The same claims with `alg: none` and no signature.</summary>
    public static string WithAlgorithmNone(string userId, string[] roles, string organisationId)
    {
        var signed = Mint(userId, roles, organisationId);
        var payload = signed.Split('.')[1];
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        return $"{header}.{payload}.";
    }
}
