using System.Globalization;
using System.Security.Claims;
using Analytics.Api.Shared.Errors;

namespace Analytics.Api.Shared.Auth;

/// <summary>Reads the caller from the request: the validated claims plus the active role the middleware resolved.</summary>
public sealed class CurrentUserAccessor(IHttpContextAccessor httpContextAccessor)
{
    private const string ItemKey = "analytics.current-user";

    /// <summary>The caller, or an ApiProblemException when the request is anonymous (a handler that needs a user was reached without one).</summary>
    public CurrentUser Required => Current ?? throw Problems.AccessDenied();

    public CurrentUser? Current
    {
        get
        {
            var context = httpContextAccessor.HttpContext;
            if (context is null)
            {
                return null;
            }

            if (context.Items.TryGetValue(ItemKey, out var cached) && cached is CurrentUser user)
            {
                return user;
            }

            var created = FromPrincipal(context.User, context.Items[ActiveRoleMiddleware.ItemKey] as string);
            if (created is not null)
            {
                context.Items[ItemKey] = created;
            }

            return created;
        }
    }

    public static CurrentUser? FromPrincipal(ClaimsPrincipal principal, string? activeRole)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var userId = principal.FindFirstValue(ClaimNames.Subject);
        if (string.IsNullOrEmpty(userId))
        {
            return null;
        }

        var roles = Roles.Canonical(principal.FindAll(ClaimNames.Roles).Select(c => c.Value));
        var expires = long.TryParse(principal.FindFirstValue(ClaimNames.Expires), NumberStyles.Integer, CultureInfo.InvariantCulture, out var exp)
            ? DateTimeOffset.FromUnixTimeSeconds(exp)
            : (DateTimeOffset?)null;
        return new CurrentUser(
            userId,
            principal.FindFirstValue(ClaimNames.Email),
            principal.FindFirstValue(ClaimNames.Name),
            roles,
            principal.FindFirstValue(ClaimNames.OrganisationId),
            principal.FindFirstValue(ClaimNames.DepartmentId),
            activeRole ?? (roles.Count > 0 ? roles[0] : string.Empty),
            Guid.TryParse(principal.FindFirstValue(ClaimNames.SessionId), out var sid) ? sid : null,
            Guid.TryParse(principal.FindFirstValue(ClaimNames.TokenId), out var jti) ? jti : null,
            expires);
    }
}
