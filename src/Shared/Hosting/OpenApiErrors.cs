using System.Text.Json;
using System.Text.Json.Nodes;
using Analytics.Api.Shared.Errors;

namespace Analytics.Api.Shared.Hosting;

/// <summary>
/// The error answers of the OpenAPI document: which codes of API.md §1.5 an operation can answer under each status, derived from
/// its route (the §1.6 order of checks says which steps it runs), with a problem+json example built by the service's own writer.
/// </summary>
public static class OpenApiErrors
{
    public const string ProblemSchemaId = "Problem";

    private static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web);

    private static readonly Dictionary<string, ApiProblemException> Examples = new[]
    {
        Problems.Validation("limit", "must be between 10 and 100"),
        Problems.MalformedRequest("The request body is not valid JSON."),
        Problems.InvalidActiveRole(),
        new ApiProblemException(401, "MISSING_TOKEN", "Authentication required", "A bearer token is required."),
        new ApiProblemException(401, "INVALID_TOKEN", "Invalid token", "The access token is not valid."),
        new ApiProblemException(401, "TOKEN_EXPIRED", "Token expired", "The access token has expired."),
        new ApiProblemException(401, "TOKEN_REVOKED", "Token revoked", "The access token has been revoked."),
        Problems.InvalidCredentials(),
        Problems.InvalidRefreshToken(),
        Problems.RefreshTokenExpired(),
        Problems.TokenReused(),
        Problems.ActiveRoleNotGranted("platform-admin", ["learner"]),
        Problems.RoleNotPermitted("learner", ["trainer", "org-admin"]),
        Problems.AccessDenied(),
        Problems.SubjectNotFound(),
        new ApiProblemException(404, "REPORT_NOT_FOUND", "Report not found", "The report does not exist, has expired, or is not yours."),
        new ApiProblemException(404, "SCHEDULE_NOT_FOUND", "Schedule not found", "The schedule does not exist or is not yours."),
        Problems.JobNotFound(),
        new ApiProblemException(404, "MODEL_NOT_FOUND", "Model not found", "No model card with this id exists for you."),
        new ApiProblemException(404, "UPSTREAM_NOT_FOUND", "Upstream not found", "No upstream service has this name."),
        Problems.LocalAuthDisabled(),
        Problems.RefreshInProgress("job_01JF8Z3QK2V7W9X4Y5Z6A7B8C9", "/api/v1/analytics/refresh/job_01JF8Z3QK2V7W9X4Y5Z6A7B8C9"),
        new ApiProblemException(409, "JOB_ALREADY_RUNNING", "Job already running", "A job of this type is already queued or running.",
            new Dictionary<string, object?> { ["jobId"] = "job_01JF8Z3QK2V7W9X4Y5Z6A7B8C9" }),
        new ApiProblemException(409, "REPORT_NOT_READY", "Report not ready", "The report is running; try again shortly.",
            new Dictionary<string, object?> { ["reportStatus"] = "running" }),
        new ApiProblemException(409, "REPORT_FAILED", "Report failed", "The report could not be generated.",
            new Dictionary<string, object?> { ["reportStatus"] = "failed", ["reason"] = "unknown" }),
        new ApiProblemException(409, "LIMIT_REACHED", "Limit reached", "A user may hold at most 20 report schedules; delete one first.",
            new Dictionary<string, object?> { ["limit"] = 20 }),
        new ApiProblemException(409, "SOURCE_MODE_MISMATCH", "Source mode mismatch", "A sync needs the upstream or mixed source mode.",
            new Dictionary<string, object?> { ["sourceMode"] = "demo" }),
        Problems.PayloadTooLarge(65536),
        Problems.UnsupportedMediaType(),
        Problems.RateLimited("read", 120, 60, 42, "requests"),
        Problems.DataUnavailable("The analytic could not be computed within its time budget; a computation is queued."),
        Problems.ServiceUnavailable("The database is unavailable."),
    }.ToDictionary(problem => problem.Code);

    /// <summary>The error codes an operation can answer, by status, from its method, path and what the route requires.</summary>
    public static SortedDictionary<int, string[]> CodesFor(string method, string path, bool authenticated, bool hasInput, bool isAnalyticsRead)
    {
        var codes = new SortedDictionary<int, string[]>();
        if (path == "/api/v1/auth/login")
        {
            codes[400] = ["VALIDATION_ERROR", "MALFORMED_REQUEST"];
            codes[401] = ["INVALID_CREDENTIALS"];
            codes[404] = ["LOCAL_AUTH_DISABLED"];
            codes[429] = ["RATE_LIMIT_EXCEEDED"];
            return codes;
        }

        if (path == "/api/v1/auth/refresh")
        {
            codes[400] = ["VALIDATION_ERROR", "MALFORMED_REQUEST"];
            codes[401] = ["INVALID_REFRESH_TOKEN", "REFRESH_TOKEN_EXPIRED", "TOKEN_REUSED"];
            codes[404] = ["LOCAL_AUTH_DISABLED"];
            return codes;
        }

        if (authenticated)
        {
            // §1.6 steps 3, 5 and 6: every authenticated route checks the token, the X-Active-Role header and the endpoint role.
            codes[400] = hasInput ? ["VALIDATION_ERROR", "MALFORMED_REQUEST", "INVALID_ACTIVE_ROLE"] : ["INVALID_ACTIVE_ROLE"];
            codes[401] = ["MISSING_TOKEN", "INVALID_TOKEN", "TOKEN_EXPIRED", "TOKEN_REVOKED"];
            codes[403] = ["ACTIVE_ROLE_NOT_GRANTED", "ROLE_NOT_PERMITTED", "ACCESS_DENIED"];
        }
        else if (hasInput)
        {
            codes[400] = ["VALIDATION_ERROR", "MALFORMED_REQUEST"];
        }

        if (NotFoundCode(method, path, authenticated) is { } notFound)
        {
            codes[404] = [notFound];
        }

        if (ConflictCodes(method, path) is { Length: > 0 } conflicts)
        {
            codes[409] = conflicts;
        }

        if (isAnalyticsRead)
        {
            codes[503] = ["DATA_UNAVAILABLE"];
        }

        return codes;
    }

    /// <summary>The description of a status: the codes it carries, each with its §1.5 title.</summary>
    public static string Describe(int status, IEnumerable<string> codes) =>
        $"{StatusText(status)}: " + string.Join(", ", codes.Select(code => $"`{code}`"))
        + (status == 429 ? ". `Retry-After` says when to try again." : ".");

    /// <summary>The error codes that have an example, in the order of API.md §1.5.</summary>
    public static IEnumerable<string> Codes => Examples.Keys;

    /// <summary>An example problem body of a code, as the service writes it.</summary>
    public static JsonNode? Example(string code, string instance)
    {
        if (!Examples.TryGetValue(code, out var problem))
        {
            return null;
        }

        var body = ProblemWriter.Body(problem, instance, "4bf92f3577b34da6a3ce929d0e0e4736");
        return JsonSerializer.SerializeToNode(body, SerializerOptions);
    }

    /// <summary>The title of a code (the summary of its example).</summary>
    public static string Title(string code) => Examples.TryGetValue(code, out var problem) ? problem.Title : code;

    public static bool IsKnown(string code) => Examples.ContainsKey(code);

    private static string? NotFoundCode(string method, string path, bool authenticated)
    {
        if (!authenticated)
        {
            return null;
        }

        if (path.StartsWith("/api/v1/reports/schedules/", StringComparison.Ordinal))
        {
            return "SCHEDULE_NOT_FOUND";
        }

        if (path.StartsWith("/api/v1/reports/{", StringComparison.Ordinal))
        {
            return "REPORT_NOT_FOUND";
        }

        if (path.Contains("{jobId}", StringComparison.Ordinal))
        {
            return "JOB_NOT_FOUND";
        }

        if (path.Contains("{modelId}", StringComparison.Ordinal))
        {
            return "MODEL_NOT_FOUND";
        }

        if (path.Contains("{upstream}", StringComparison.Ordinal))
        {
            return "UPSTREAM_NOT_FOUND";
        }

        // A subject id in the path (or in the body of a refresh, report or schedule request) can be unknown to the store.
        var namesSubject = path.Contains("{userId}", StringComparison.Ordinal) || path.Contains("{trainerId}", StringComparison.Ordinal)
            || path.Contains("{orgId}", StringComparison.Ordinal) || path.Contains("{id}", StringComparison.Ordinal);
        var postsSubject = method == "POST" && path is "/api/v1/analytics/refresh" or "/api/v1/reports/generate" or "/api/v1/reports/schedules";
        return namesSubject || postsSubject ? "SUBJECT_NOT_FOUND" : null;
    }

    private static string[] ConflictCodes(string method, string path) => (method, path) switch
    {
        ("POST", "/api/v1/analytics/refresh") => ["REFRESH_IN_PROGRESS"],
        ("GET", "/api/v1/reports/{reportId}/download") => ["REPORT_NOT_READY", "REPORT_FAILED"],
        ("POST", "/api/v1/reports/schedules") => ["LIMIT_REACHED"],
        ("POST", "/api/v1/integration/sync") => ["JOB_ALREADY_RUNNING", "SOURCE_MODE_MISMATCH"],
        ("POST", "/api/v1/admin/recalculations") or ("POST", "/api/v1/predictive/models/retrain") => ["JOB_ALREADY_RUNNING"],
        _ => [],
    };

    private static string StatusText(int status) => status switch
    {
        400 => "Bad request",
        401 => "Not authenticated (with `WWW-Authenticate`)",
        403 => "Forbidden",
        404 => "Not found",
        409 => "Conflict",
        413 => "Payload too large",
        415 => "Unsupported media type",
        429 => "Too many requests",
        503 => "Unavailable (with `Retry-After`)",
        _ => "Error",
    };
}
