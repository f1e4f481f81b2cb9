using System.Security.Claims;
using System.Text.Json.Nodes;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Analytics.Api.Shared.Hosting;

/// <summary>
/// Completes every operation from what its route already says, so the endpoint files carry only their summary, tags and success
/// types: the bearer requirement (from the authorization metadata), the `X-Active-Role` and `If-None-Match` headers, who may call
/// it (API.md §3.3), its rate class (from <see cref="RateClasses.Classify"/>, the same function the limiter runs), the
/// problem+json answers of API.md §1.5 with examples, the parameter contract of <see cref="OpenApiParameters"/>, and examples.
/// </summary>
public sealed class OpenApiOperationTransformer : IOpenApiOperationTransformer
{
    public const string BearerSchemeId = "bearer";

    private const string SignedDownloadPath = "/api/v1/reports/{reportId}/download";

    // API.md §3.3, by path prefix (longest first wins).
    private static readonly (string Prefix, string Who)[] Callers =
    [
        ("/api/v1/learner/analytics/", "learner: self · trainer: their students · org-admin: members of their organisation"),
        ("/api/v1/trainer/analytics/", "trainer: self · org-admin: trainers of their organisation"),
        ("/api/v1/analytics/trainer/", "trainer: self · org-admin: trainers of their organisation (the app's compatibility path)"),
        ("/api/v1/org-admin/analytics/", "org-admin: their own organisation"),
        ("/api/v1/comparison/peer/", "learner: self · trainer: self (cohort) or their students · org-admin: own organisation (cohort) or members"),
        ("/api/v1/comparison/skill-demand", "every role"),
        ("/api/v1/predictive/at-risk/", "trainer: own id (their cohort) · org-admin: own organisation id (its cohort)"),
        ("/api/v1/predictive/models/retrain", "platform-admin"),
        ("/api/v1/predictive/models", "every role (own organisation's and platform cards); platform-admin: all"),
        ("/api/v1/predictive/", "learner: self · trainer: self (cohort) or their students · org-admin: own organisation (cohort) or members"),
        ("/api/v1/gamification/leaderboard", "learner, trainer, org-admin"),
        ("/api/v1/gamification/", "learner: self · trainer: their students · org-admin: members of their organisation"),
        ("/api/v1/analytics/refresh", "any role, for a subject it may read; the status of a job: whoever may read its subject, platform-admin any"),
        ("/api/v1/reports/generate", "learner: `learner` report of self · trainer: `trainer` report of self · org-admin: `learner` reports of members, `organisation` report of own organisation"),
        ("/api/v1/reports/templates", "every role"),
        ("/api/v1/reports", "every role; only the caller's own reports and schedules"),
        ("/api/v1/privacy/users/{userId}/preferences", "learner, trainer, org-admin: self only"),
        ("/api/v1/privacy/", "self · org-admin: members of their organisation · platform-admin: any user"),
        ("/api/v1/integration/", "platform-admin"),
        ("/api/v1/admin/", "platform-admin"),
        ("/api/v1/capabilities", "every role"),
        ("/api/v1/auth/", "any authenticated caller"),
        ("/api/v1/ping", "any authenticated caller"),
    ];

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var method = description.HttpMethod?.ToUpperInvariant() ?? "GET";
        var path = "/" + (description.RelativePath ?? string.Empty).Split('?')[0].TrimEnd('/');
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var authenticated = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
        var isAnalyticsRead = operation.Responses?.ContainsKey("304") == true;
        if (operation.RequestBody is null && metadata.OfType<OptionalJsonBody>().FirstOrDefault() is { } optionalBody)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = false,
                Description = "Optional; an empty body is accepted.",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(optionalBody.RequestType, null, cancellationToken) },
                },
            };
        }

        DocumentParameters(operation);
        // An empty requirement says "no authentication" explicitly (anonymous endpoints), so no operation is left undecided.
        operation.Security = [new OpenApiSecurityRequirement()];
        if (path == SignedDownloadPath)
        {
            // The owner with a bearer token, or anyone with a signed link (API.md §4.7): either requirement satisfies it.
            operation.Security.Insert(0, new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerSchemeId, context.Document)] = [] });
        }

        if (authenticated)
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerSchemeId, context.Document)] = [] }];
            AddHeader(operation, "X-Active-Role",
                "The role to act as (API.md §3.1); default: the token's first role. `org_admin` is accepted for `org-admin`.",
                new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Enum = ["learner", "trainer", "org-admin", "org_admin", "platform-admin"],
                });
        }

        if (isAnalyticsRead)
        {
            AddHeader(operation, "If-None-Match", "The ETag of a copy you hold: 304 without a body when it is still current (API.md §6.4).",
                new OpenApiSchema { Type = JsonSchemaType.String });
        }

        var rateClass = RateClassOf(method, path, authenticated || path == SignedDownloadPath);
        var lines = new List<string>();
        if (!string.IsNullOrWhiteSpace(operation.Description))
        {
            lines.Add(operation.Description);
        }

        lines.Add(authenticated ? $"**Who:** {Who(path)}."
            : path == SignedDownloadPath ? "**Who:** the report's owner with a bearer token, or anyone holding a signed link (`expires` + `signature`, valid 24 h)."
            : "**Who:** anonymous.");
        if (rateClass is not null)
        {
            lines.Add($"**Rate class:** `{rateClass}` (API.md §5).");
            operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            operation.Extensions["x-rate-limit-class"] = new JsonNodeExtension(JsonValue.Create(rateClass));
        }

        operation.Description = string.Join("\n\n", lines);

        var hasInput = operation.RequestBody is not null || operation.Parameters?.Any(p => p.In is ParameterLocation.Query or ParameterLocation.Path) == true;
        var codes = OpenApiErrors.CodesFor(method, path, authenticated, hasInput, isAnalyticsRead);
        if (rateClass is not null)
        {
            codes[429] = ["RATE_LIMIT_EXCEEDED"];
        }

        if (operation.RequestBody is not null)
        {
            codes[413] = ["PAYLOAD_TOO_LARGE"];
            codes[415] = ["UNSUPPORTED_MEDIA_TYPE"];
        }

        DocumentErrors(operation, context.Document!, codes);
        OpenApiExamples.Apply(operation, method, path);
    }

    /// <summary>The rate class the limiter gives this route, asked of the limiter's own classifier with a stand-in request.</summary>
    public static string? RateClassOf(string method, string path, bool authenticated)
    {
        if (path == "/api/v1/auth/login")
        {
            // Enforced by the login handler, counting failed logins only.
            return "login";
        }

        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path.Replace("{", string.Empty, StringComparison.Ordinal).Replace("}", string.Empty, StringComparison.Ordinal);
        context.Connection.RemoteIpAddress = System.Net.IPAddress.Loopback;
        if (authenticated)
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimNames.Subject, "learner-123")], "Bearer"));
        }

        return RateClasses.Classify(context)?.Policy;
    }

    private static string Who(string path) =>
        Callers.Where(caller => path.StartsWith(caller.Prefix, StringComparison.Ordinal) || path == caller.Prefix.TrimEnd('/'))
            .OrderByDescending(caller => caller.Prefix.Length)
            .Select(caller => caller.Who)
            .FirstOrDefault() ?? "any authenticated caller";

    private static void DocumentParameters(OpenApiOperation operation)
    {
        if (operation.Parameters is null)
        {
            return;
        }

        foreach (var parameter in operation.Parameters.OfType<OpenApiParameter>())
        {
            if (parameter.Name is null || OpenApiParameters.Find(operation.OperationId, parameter.Name) is not { } doc)
            {
                continue;
            }

            parameter.Description = doc.Description;
            parameter.Schema = doc.Schema();
            if (doc.Example is not null)
            {
                parameter.Example = JsonValue.Create(doc.Example);
            }

            if (!doc.Explode)
            {
                parameter.Style = ParameterStyle.Form;
                parameter.Explode = false;
            }
        }
    }

    private static void AddHeader(OpenApiOperation operation, string name, string description, OpenApiSchema schema)
    {
        operation.Parameters ??= [];
        if (operation.Parameters.Any(p => p.In == ParameterLocation.Header && p.Name == name))
        {
            return;
        }

        operation.Parameters.Add(new OpenApiParameter { Name = name, In = ParameterLocation.Header, Description = description, Schema = schema });
    }

    private static void DocumentErrors(OpenApiOperation operation, OpenApiDocument document, SortedDictionary<int, string[]> codes)
    {
        operation.Responses ??= [];
        // A status the endpoint declares but the route does not imply keeps its declaration, with the generic codes of that status.
        foreach (var declared in operation.Responses.Keys.Select(key => int.TryParse(key, out var status) ? status : 0)
                     .Where(status => status >= 400 && !codes.ContainsKey(status)).ToArray())
        {
            codes[declared] = declared switch
            {
                400 => ["VALIDATION_ERROR"],
                401 => ["MISSING_TOKEN", "INVALID_TOKEN", "TOKEN_EXPIRED", "TOKEN_REVOKED"],
                403 => ["ACCESS_DENIED"],
                404 => ["REPORT_NOT_FOUND"],
                409 => ["JOB_ALREADY_RUNNING"],
                503 => ["SERVICE_UNAVAILABLE"],
                _ => [],
            };
        }

        foreach (var (status, statusCodes) in codes)
        {
            var response = new OpenApiResponse
            {
                Description = OpenApiErrors.Describe(status, statusCodes),
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new()
                    {
                        Schema = new OpenApiSchemaReference(OpenApiErrors.ProblemSchemaId, document),
                        Examples = statusCodes.Where(OpenApiErrors.IsKnown).ToDictionary(
                            code => code, IOpenApiExample (code) => new OpenApiExampleReference(code, document)),
                    },
                },
            };
            if (status is 401)
            {
                response.Headers = new Dictionary<string, IOpenApiHeader>
                {
                    ["WWW-Authenticate"] = new OpenApiHeader
                    {
                        Description = "`Bearer realm=\"learning-analytics\"`, with `error=\"invalid_token\"` for token failures (RFC 6750).",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                    },
                };
            }
            else if (status is 429 or 503)
            {
                response.Headers = new Dictionary<string, IOpenApiHeader>
                {
                    ["Retry-After"] = new OpenApiHeader
                    {
                        Description = "Seconds to wait before trying again.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
                    },
                };
            }

            operation.Responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = response;
        }

        // Statuses in numeric order, whichever of them the endpoint declared itself.
        var ordered = operation.Responses.OrderBy(pair => pair.Key, StringComparer.Ordinal).ToArray();
        operation.Responses.Clear();
        foreach (var (status, response) in ordered)
        {
            operation.Responses[status] = response;
        }
    }
}
