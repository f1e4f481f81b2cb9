using Analytics.Api.Shared.Auth;

namespace Analytics.Api.Features.Operations.Shared;

/// <summary>Operator endpoints (API.md §4.9) are for the platform admin only; any other active role gets ROLE_NOT_PERMITTED.</summary>
public static class OperatorRoles
{
    public static readonly IReadOnlyList<string> Allowed = [Roles.PlatformAdmin];
}
