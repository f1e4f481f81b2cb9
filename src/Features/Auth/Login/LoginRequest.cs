namespace Analytics.Api.Features.Auth.Login;

/// <summary>The login body as sent.</summary>
public sealed record LoginRequest(string? Email, string? Password);
