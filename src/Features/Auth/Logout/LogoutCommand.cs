using Mediator;

namespace Analytics.Api.Features.Auth.Logout;

/// <summary>`POST /auth/logout`: ends the caller's session family and deny-lists this access token (API.md §2.2).</summary>
public sealed record LogoutCommand(string? RefreshToken) : ICommand;
