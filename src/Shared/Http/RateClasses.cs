using System.Security.Claims;
using Analytics.Api.Shared.Auth;

namespace Analytics.Api.Shared.Http;

/// <summary>
/// The rate classes of API.md §5 that count every request, and which class a request belongs to. The `login` class counts
/// only failed logins and is enforced by the login handler against the cluster-wide attempts table.
/// </summary>
public static class RateClasses
{
    public static readonly IReadOnlyDictionary<string, (int Limit, int WindowSeconds)> Defaults = new Dictionary<string, (int, int)>
    {
        ["token"] = (10, 60),
        ["session"] = (60, 60),
        ["read"] = (120, 60),
        ["refresh"] = (5, 600),
        ["system"] = (600, 60),
        ["operator"] = (30, 60),
        ["report"] = (10, 3600),
        ["write"] = (30, 60),
    };

    private static readonly string[] OperatorPaths = ["/api/v1/admin", "/api/v1/integration", "/api/v1/predictive/models/retrain"];

    private static readonly string[] SystemPaths = ["/api/health", "/api/v1/health", "/health", "/api/status", "/openapi", "/docs"];

    /// <summary>The class and the key it counts by (user id, else client address), or null when no counted class applies.</summary>
    public static (string Policy, string Key)? Classify(HttpContext context)
    {
        var path = context.Request.Path;
        var user = context.User.Identity?.IsAuthenticated == true ? context.User.FindFirstValue(ClaimNames.Subject) : null;
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (path.Equals("/api/v1/auth/refresh", StringComparison.OrdinalIgnoreCase))
        {
            return ("token", "ip:" + address);
        }

        if (path.Equals("/api/v1/auth/me", StringComparison.OrdinalIgnoreCase) || path.Equals("/api/v1/auth/logout", StringComparison.OrdinalIgnoreCase))
        {
            return user is null ? null : ("session", "user:" + user);
        }

        if (HttpMethods.IsPost(context.Request.Method) && path.Equals("/api/v1/analytics/refresh", StringComparison.OrdinalIgnoreCase))
        {
            return user is null ? null : ("refresh", "user:" + user);
        }

        if (user is not null && path.StartsWithSegments("/api/v1/reports", StringComparison.OrdinalIgnoreCase))
        {
            if (HttpMethods.IsPost(context.Request.Method) && path.Equals("/api/v1/reports/generate", StringComparison.OrdinalIgnoreCase))
            {
                return ("report", "user:" + user);
            }

            if (HttpMethods.IsDelete(context.Request.Method) || HttpMethods.IsPost(context.Request.Method))
            {
                return ("write", "user:" + user);
            }
        }

        if (path.Equals("/", StringComparison.Ordinal) || SystemPaths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            return ("system", "ip:" + address);
        }

        if (user is not null && OperatorPaths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            return ("operator", "user:" + user);
        }

        if (HttpMethods.IsGet(context.Request.Method) && user is not null && path.StartsWithSegments("/api/v1", StringComparison.OrdinalIgnoreCase))
        {
            return ("read", "user:" + user);
        }

        return null;
    }
}
