namespace Analytics.Api.Shared.Auth;

/// <summary>`Auth:*` configuration (API.md §2.1).</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    public string Mode { get; set; } = AuthModes.Standalone;

    /// <summary>HS256 key: base64 of at least 32 bytes, or a text of at least 32 bytes.</summary>
    public string? SigningKey { get; set; }

    public string Issuer { get; set; } = "learning-analytics";

    public string Audience { get; set; } = "learning-analytics-api";

    public ExternalAuthOptions External { get; set; } = new();

    public bool IsExternal => string.Equals(Mode, AuthModes.External, StringComparison.OrdinalIgnoreCase);
}
