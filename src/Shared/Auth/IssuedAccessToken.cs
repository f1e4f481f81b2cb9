namespace Analytics.Api.Shared.Auth;

public sealed record IssuedAccessToken(string Token, Guid TokenId, DateTimeOffset ExpiresAt);
