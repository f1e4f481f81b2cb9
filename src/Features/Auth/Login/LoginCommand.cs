using Analytics.Api.Shared.Auth;
using Mediator;

namespace Analytics.Api.Features.Auth.Login;

/// <summary>`POST /auth/login` (API.md §2.2). The client address is kept only as an HMAC in `auth.login_attempts`.</summary>
public sealed record LoginCommand(string? Email, string? Password, string? ClientAddress) : ICommand<AuthSession>;
