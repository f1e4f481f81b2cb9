namespace Analytics.Api.Features.Auth.Me;

public sealed record MeResponse(MeUser User, string AuthMode);
