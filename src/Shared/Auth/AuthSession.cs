namespace Analytics.Api.Shared.Auth;

/// <summary>The login / refresh body (API.md §2.2).</summary>
public sealed record AuthSession(
    string Token,
    string RefreshToken,
    int ExpiresIn,
    int RefreshExpiresIn,
    string TokenType,
    AuthUser User);
