using Analytics.Api.Shared.Auth;
using Mediator;

namespace Analytics.Api.Features.Auth.Refresh;

/// <summary>`POST /auth/refresh`: rotate a refresh token (API.md §2.2, §2.4).</summary>
public sealed record RefreshCommand(string? RefreshToken) : ICommand<AuthSession>;
