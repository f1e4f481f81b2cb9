namespace Analytics.Api.Shared.Auth;

/// <summary>`Auth:External:*`: an identity provider's issuer, audience, keys and claim map (API.md §2.5).</summary>
public sealed class ExternalAuthOptions
{
    /// <summary>OIDC authority; its discovery document gives the JWKS.</summary>
    public string? Authority { get; set; }

    public string? JwksUrl { get; set; }

    /// <summary>Static keys: base64 shared secrets (HS256) or JWKS JSON documents.</summary>
    public IList<string> SigningKeys { get; } = [];

    public string? Issuer { get; set; }

    public string? Audience { get; set; }

    public ClaimMapOptions ClaimMap { get; set; } = new();
}
