namespace Analytics.Api.Shared.Errors;

/// <summary>The error codes of API.md §1.5 with their fixed titles; one factory per code.</summary>
public static class Problems
{
    // One fixed text for every subject the caller may not read, so ids cannot be probed (API.md §3.4).
    public const string AccessDeniedDetail = "You do not have access to this resource.";

    public static ApiProblemException Validation(IReadOnlyDictionary<string, string[]> errors) =>
        new(400, "VALIDATION_ERROR", "Request validation failed", "One or more parameters are invalid.",
            new Dictionary<string, object?> { ["errors"] = errors });

    public static ApiProblemException Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static ApiProblemException MalformedRequest(string detail) =>
        new(400, "MALFORMED_REQUEST", "Malformed request", detail);

    public static ApiProblemException InvalidActiveRole() =>
        new(400, "INVALID_ACTIVE_ROLE", "Invalid active role",
            "X-Active-Role must be one of learner, trainer, org-admin, platform-admin.");

    public static ApiProblemException InvalidCredentials() =>
        new(401, "INVALID_CREDENTIALS", "Invalid credentials", "The e-mail or password is incorrect.",
            headers: new Dictionary<string, string> { ["WWW-Authenticate"] = AuthenticateHeader.Basic });

    public static ApiProblemException InvalidRefreshToken() =>
        new(401, "INVALID_REFRESH_TOKEN", "Invalid refresh token", "The refresh token is not valid.",
            headers: new Dictionary<string, string> { ["WWW-Authenticate"] = AuthenticateHeader.Basic });

    public static ApiProblemException RefreshTokenExpired() =>
        new(401, "REFRESH_TOKEN_EXPIRED", "Refresh token expired", "The refresh token has expired; log in again.",
            headers: new Dictionary<string, string> { ["WWW-Authenticate"] = AuthenticateHeader.Basic });

    public static ApiProblemException TokenReused() =>
        new(401, "TOKEN_REUSED", "Refresh token reused",
            "This refresh token was already used; every session of its family has been revoked.",
            headers: new Dictionary<string, string> { ["WWW-Authenticate"] = AuthenticateHeader.Basic });

    public static ApiProblemException ActiveRoleNotGranted(string activeRole, IReadOnlyList<string> roles) =>
        new(403, "ACTIVE_ROLE_NOT_GRANTED", "Active role not granted", $"The token does not grant the role '{activeRole}'.",
            new Dictionary<string, object?> { ["activeRole"] = activeRole, ["roles"] = roles });

    public static ApiProblemException RoleNotPermitted(string activeRole, IReadOnlyList<string> allowedRoles) =>
        new(403, "ROLE_NOT_PERMITTED", "Role not permitted", $"The role '{activeRole}' may not use this endpoint.",
            new Dictionary<string, object?> { ["activeRole"] = activeRole, ["allowedRoles"] = allowedRoles });

    public static ApiProblemException AccessDenied() =>
        new(403, "ACCESS_DENIED", "Access denied", AccessDeniedDetail);

    public static ApiProblemException SubjectNotFound() =>
        new(404, "SUBJECT_NOT_FOUND", "Subject not found", "The store holds no data for this subject yet.");

    public static ApiProblemException LocalAuthDisabled() =>
        new(404, "LOCAL_AUTH_DISABLED", "Local authentication disabled",
            "Login and token refresh are handled by the external identity provider.");

    public static ApiProblemException RouteNotFound() =>
        new(404, "ROUTE_NOT_FOUND", "Route not found", "No endpoint exists at this path.");

    public static ApiProblemException MethodNotAllowed(string? allow) =>
        new(405, "METHOD_NOT_ALLOWED", "Method not allowed", "This path does not accept this method.",
            headers: string.IsNullOrEmpty(allow) ? null : new Dictionary<string, string> { ["Allow"] = allow });

    public static ApiProblemException PayloadTooLarge(long limitBytes) =>
        new(413, "PAYLOAD_TOO_LARGE", "Payload too large", $"The request body exceeds {limitBytes} bytes.",
            new Dictionary<string, object?> { ["limitBytes"] = limitBytes });

    public static ApiProblemException UnsupportedMediaType() =>
        new(415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported media type", "Request bodies must be application/json.");

    public static ApiProblemException RateLimited(
        string policy, int limit, int windowSeconds, int retryAfterSeconds, string what, DateTimeOffset? nextAllowedAt = null)
    {
        var extensions = new Dictionary<string, object?>
        {
            ["policy"] = policy,
            ["limit"] = limit,
            ["windowSeconds"] = windowSeconds,
            ["retryAfter"] = retryAfterSeconds,
        };
        if (nextAllowedAt is { } next)
        {
            extensions["nextAllowedAt"] = next;
        }

        return new ApiProblemException(429, "RATE_LIMIT_EXCEEDED", "Too many requests",
            $"Limit of {limit} {what} per {windowSeconds} seconds reached. Try again in {retryAfterSeconds} seconds.",
            extensions,
            new Dictionary<string, string>
            {
                ["Retry-After"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["RateLimit-Policy"] = $"{limit};w={windowSeconds}",
                ["RateLimit-Limit"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["RateLimit-Remaining"] = "0",
                ["RateLimit-Reset"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
    }

    public static ApiProblemException RefreshInProgress(string jobId, string location) =>
        new(409, "REFRESH_IN_PROGRESS", "Refresh in progress",
            "A recalculation of this subject and role family is already queued or running; poll its job instead.",
            new Dictionary<string, object?> { ["jobId"] = jobId },
            new Dictionary<string, string> { ["Location"] = location });

    public static ApiProblemException JobNotFound() =>
        new(404, "JOB_NOT_FOUND", "Job not found", "No job with this id exists for you.");

    public static ApiProblemException DataUnavailable(string detail) =>
        new(503, "DATA_UNAVAILABLE", "Data unavailable", detail,
            new Dictionary<string, object?> { ["retryAfter"] = 30 },
            new Dictionary<string, string> { ["Retry-After"] = "30" });

    public static ApiProblemException ServiceUnavailable(string detail) =>
        new(503, "SERVICE_UNAVAILABLE", "Service unavailable", detail,
            new Dictionary<string, object?> { ["retryAfter"] = 30 },
            new Dictionary<string, string> { ["Retry-After"] = "30" });

    public static ApiProblemException Internal() =>
        new(500, "INTERNAL_ERROR", "Internal error", "An unexpected error occurred. Quote the traceId when reporting it.");
}
