namespace Analytics.Api.Features.Auth.Refresh;

public sealed record RefreshRequest(string? RefreshToken);
