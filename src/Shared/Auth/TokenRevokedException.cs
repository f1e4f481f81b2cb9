using Microsoft.IdentityModel.Tokens;

namespace Analytics.Api.Shared.Auth;

/// <summary>Authentication failure for a token whose jti or family is on the deny list (TOKEN_REVOKED).</summary>
public sealed class TokenRevokedException : SecurityTokenException
{
    public TokenRevokedException()
        : base("The access token has been revoked.")
    {
    }

    public TokenRevokedException(string message)
        : base(message)
    {
    }

    public TokenRevokedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
