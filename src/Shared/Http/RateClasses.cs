using System.Security.Claims;
using Analytics.Api.Shared.Auth;

namespace Analytics.Api.Shared.Http;

/// <summary>
/// The rate classes of API.md §5 that count every request, and which class and key a request belongs to. The `login` class counts
/// only failed logins and is enforced by the login handler against the cluster-wide attempts table.
/// </summary>
public static class RateClasses
{
    /// <summary>Set by <see cref="RefreshTokenOwnerMiddleware"/>: the user owning the refresh token of a `POST /auth/refresh`.</summary>
    public const string RefreshTokenOwnerItem = "analytics.refresh-token-owner";

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
        ["privacy"] = (5, 3600),
    };

    private static readonly string[] OperatorPaths = ["/api/v1/admin", "/api/v1/integration", "/api/v1/predictive/models/retrain"];

    private static readonly string[] SystemPaths = ["/api/health", "/api/v1/health", "/health", "/api/status", "/openapi", "/docs"];

    /// <summary>The class and the key it counts by (user id, else client address), or null when no counted class applies.</summary>
    public static (string Policy, string Key)? Classify(HttpContext context)
    {
        var path = context.Request.Path;
        var method = context.Request.Method;
        var user = context.User.Identity?.IsAuthenticated == true ? context.User.FindFirstValue(ClaimNames.Subject) : null;
        var address = "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        if (path.Equals("/api/v1/auth/login", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (path.Equals("/api/v1/auth/refresh", StringComparison.OrdinalIgnoreCase))
        {
            // The user owning the presented refresh token; unknown or unreadable tokens count against the client address.
            return ("token", context.Items[RefreshTokenOwnerItem] is string owner ? "user:" + owner : address);
        }

        if (path.Equals("/api/v1/auth/me", StringComparison.OrdinalIgnoreCase) || path.Equals("/api/v1/auth/logout", StringComparison.OrdinalIgnoreCase))
        {
            return user is null ? null : ("session", "user:" + user);
        }

        if (path.Equals("/", StringComparison.Ordinal) || SystemPaths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            return ("system", address);
        }

        if (user is null)
        {
            // A signed download link stands for its owner without a token: counted as a read of the client address.
            return HttpMethods.IsGet(method) && IsSignedDownload(context) ? ("read", address) : null;
        }

        var key = "user:" + user;
        if (HttpMethods.IsPost(method) && path.Equals("/api/v1/analytics/refresh", StringComparison.OrdinalIgnoreCase))
        {
            return ("refresh", key);
        }

        if (HttpMethods.IsPost(method) && path.Equals("/api/v1/reports/generate", StringComparison.OrdinalIgnoreCase))
        {
            return ("report", key);
        }

        if (IsPrivacyRequest(path, method))
        {
            return ("privacy", key);
        }

        if (OperatorPaths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            return ("operator", key);
        }

        if (!path.StartsWithSegments("/api/v1", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        // Every other authenticated GET is a read; every other change (report and schedule deletion, schedule creation,
        // `PUT …/preferences`, and any endpoint added later) a write.
        return HttpMethods.IsGet(method) || HttpMethods.IsHead(method) ? ("read", key) : ("write", key);
    }

    /// <summary>`GET /privacy/users/{id}/export`, `DELETE /privacy/users/{id}` and its alias `DELETE /privacy/user/{id}` (API.md §4.8).</summary>
    public static bool IsPrivacyRequest(PathString path, string method)
    {
        if (!path.StartsWithSegments("/api/v1/privacy", StringComparison.OrdinalIgnoreCase, out var rest))
        {
            return false;
        }

        var segments = (rest.Value ?? string.Empty).ToLowerInvariant().Split('/', StringSplitOptions.RemoveEmptyEntries);
        return (HttpMethods.IsGet(method) && segments is ["users", _, "export"])
               || (HttpMethods.IsDelete(method) && segments is ["users" or "user", _]);
    }

    private static bool IsSignedDownload(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api/v1/reports", StringComparison.OrdinalIgnoreCase)
        && context.Request.Path.Value!.EndsWith("/download", StringComparison.OrdinalIgnoreCase)
        && context.Request.Query.ContainsKey("signature");
}
