using Analytics.Api.Shared.Errors;
using Microsoft.AspNetCore.Authorization;

namespace Analytics.Api.Shared.Auth;

/// <summary>Resolves `X-Active-Role` for authenticated endpoints (API.md §3.1, check 5 of §1.6) and echoes the effective role.</summary>
public sealed class ActiveRoleMiddleware(RequestDelegate next)
{
    public const string HeaderName = "X-Active-Role";
    public const string ItemKey = "analytics.active-role";

    public Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        var needsAuth = endpoint?.Metadata.GetMetadata<IAuthorizeData>() is not null
                        && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null;
        if (!needsAuth || context.User.Identity?.IsAuthenticated != true)
        {
            return next(context);
        }

        var granted = Roles.Canonical(context.User.FindAll(ClaimNames.Roles).Select(c => c.Value));
        var header = context.Request.Headers[HeaderName].ToString();
        string active;
        if (string.IsNullOrWhiteSpace(header))
        {
            active = granted.Count > 0 ? granted[0] : throw Problems.AccessDenied();
        }
        else
        {
            active = Roles.Normalise(header) ?? throw Problems.InvalidActiveRole();
            if (!granted.Contains(active))
            {
                throw Problems.ActiveRoleNotGranted(active, granted);
            }
        }

        context.Items[ItemKey] = active;
        context.Response.Headers[HeaderName] = active;
        return next(context);
    }
}
