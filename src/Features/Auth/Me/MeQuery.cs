using Mediator;

namespace Analytics.Api.Features.Auth.Me;

/// <summary>`GET /auth/me`: the caller under the active role (API.md §2.2).</summary>
public sealed record MeQuery : IQuery<MeResponse>;
