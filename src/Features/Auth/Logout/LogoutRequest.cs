namespace Analytics.Api.Features.Auth.Logout;

public sealed record LogoutRequest(string? RefreshToken);
