using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Analytics.Api.Shared.Hosting;

/// <summary>
/// The document-wide parts of `/openapi/v1.json`: the introduction, the bearer scheme, the tags of API.md's areas, the problem
/// schema of API.md §1.3, and the system endpoints of §4.10 that are not minimal-API routes (health checks, metrics, the document
/// itself and the docs page).
/// </summary>
public sealed class OpenApiDocumentTransformer : IOpenApiDocumentTransformer
{
    private const string Introduction = """
        Learning analytics for learners, trainers and organisation admins, with predictions, gamification, reports, privacy
        requests and operator endpoints. The HTTP contract is API.md; this document is generated from the code.

        **Authentication.** `POST /api/v1/auth/login` returns a bearer token (1 h) and a refresh token (14 days). The demo
        instance (`scripts/run`) has the users learner@test.com (`learner-123`), trainer@test.com (`trainer-456`),
        admin@test.com (`admin-789`, org-admin of `org-123`), supertester@test.com (`supertester-999`, all three roles) and
        operator@test.com (`operator-000`, platform-admin), all with the password `password123`. Send
        `X-Active-Role` to act as another role the token holds.

        **Analytics** answer in one envelope (`data`, `cached`, `lastUpdated`, `expiresAt`, `isStale`, `staleness`, `meta`);
        the payloads are defined in ANALYTICS.md. Reads carry a weak `ETag`; `If-None-Match` gives 304.

        **Errors** are `application/problem+json` with `code` (and `error`, `message` for the app), `traceId`, and `errors`
        on validation failures. Rate limits answer 429 with `Retry-After` and `RateLimit-*` headers; each operation names its
        rate class.
        """;

    private static readonly (string Name, string Description)[] Tags =
    [
        ("Auth", "Login, token refresh, the current user and logout (API.md §2)."),
        ("Learner analytics", "Velocity, skill gap, engagement, mastery, performance and content effectiveness of one learner (API.md §4.1)."),
        ("Trainer analytics", "Course performance, course health, student distribution and teaching effectiveness of a trainer (API.md §4.2)."),
        ("compat", "The two paths the existing app's cards call; they succeed whenever the trainer overview does (API.md §4.2)."),
        ("Organisation analytics", "Learning velocity, strategic alignment, learning culture, performance and departments of an organisation (API.md §4.3)."),
        ("Comparison", "Peer comparison and skill demand (API.md §4.4)."),
        ("Predictive", "Drop-off risk, forecasts, recommendations, at-risk lists and model cards (API.md §4.4)."),
        ("Gamification", "Points, achievements, streaks and leaderboards (API.md §4.5)."),
        ("Refresh", "Manual recalculation of a subject's analytics and its job status (API.md §4.6)."),
        ("Reports", "Report generation, download, templates and schedules (API.md §4.7)."),
        ("Privacy", "Export, erasure and privacy preferences of a person (API.md §4.8)."),
        ("Operator", "Upstream health, circuit breakers, syncs, recalculations and jobs; platform-admin only (API.md §4.9)."),
        ("System", "Health, status, metrics, capabilities, the service index and these docs (API.md §4.10)."),
    ];

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Description = Introduction;
        document.Info.Contact = new OpenApiContact { Name = "Learning Analytics team" };
        // The generated server is the address of the request; API.md's paths start with a slash, so the base must not end with one.
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[OpenApiOperationTransformer.BearerSchemeId] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "The `token` of POST /api/v1/auth/login or /auth/refresh (HS256 in standalone mode; the identity provider's in external mode).",
        };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas.Remove("ProblemDetails");
        document.Components.Schemas[OpenApiErrors.ProblemSchemaId] = ProblemSchema();
        document.Components.Examples ??= new Dictionary<string, IOpenApiExample>();
        foreach (var code in OpenApiErrors.Codes)
        {
            document.Components.Examples[code] = new OpenApiExample
            {
                Summary = OpenApiErrors.Title(code),
                Value = OpenApiErrors.Example(code, "/api/v1/learner/analytics/velocity/learner-123"),
            };
        }

        document.Tags = new HashSet<OpenApiTag>(Tags.Select(tag => new OpenApiTag { Name = tag.Name, Description = tag.Description }));

        document.Paths ??= [];
        AddSystemPath(document, "/health/live", "GetLiveness", "Liveness: the process is up; checks nothing else.",
            ("200", "Healthy", "text/plain", "Healthy"));
        AddSystemPath(document, "/health/ready", "GetReadiness",
            "Readiness: database reachable, migrations applied, scheduler started (upstream outages do not make it unready).",
            ("200", "Ready", "text/plain", "Healthy"), ("503", "Not ready", "text/plain", "Unhealthy"));
        AddSystemPath(document, "/metrics", "GetMetrics",
            "Prometheus metrics; allowed from the networks of Metrics:AllowedNetworks (default loopback and private ranges) or with a platform-admin token.",
            ("200", "Prometheus text format", "text/plain", "# TYPE analytics_refresh_queue_depth gauge\nanalytics_refresh_queue_depth 0\n"),
            ("403", "`ACCESS_DENIED`: not from an allowed network.", "application/problem+json", null));
        AddSystemPath(document, "/openapi/v1.json", "GetOpenApiDocument", "This OpenAPI 3.1 document.",
            ("200", "The document", "application/json", null));
        AddSystemPath(document, "/docs", "GetApiDocs", "The interactive API reference (Scalar) over this document; off with Docs:Enabled=false.",
            ("200", "HTML page", "text/html", null));
        return Task.CompletedTask;
    }

    private static void AddSystemPath(
        OpenApiDocument document, string path, string operationId, string summary,
        params (string Status, string Description, string MediaType, string? Example)[] responses)
    {
        if (document.Paths.ContainsKey(path))
        {
            return;
        }

        var operation = new OpenApiOperation
        {
            OperationId = operationId,
            Summary = summary,
            Description = "**Who:** anonymous" + (path == "/metrics" ? " from an allowed network." : ".") + " **Rate class:** "
                          + (path == "/metrics" ? "none (network-restricted instead)." : "`system` (API.md §5)."),
            Tags = new HashSet<OpenApiTagReference> { new("System", document) },
            Responses = [],
            Security = [new OpenApiSecurityRequirement()],
        };
        foreach (var (status, description, mediaType, example) in responses)
        {
            operation.Responses[status] = new OpenApiResponse
            {
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [mediaType] = new()
                    {
                        Schema = mediaType == "application/problem+json"
                            ? new OpenApiSchemaReference(OpenApiErrors.ProblemSchemaId, document)
                            : new OpenApiSchema { Type = mediaType == "application/json" ? JsonSchemaType.Object : JsonSchemaType.String },
                        Example = example is null ? null : JsonValue.Create(example),
                    },
                },
            };
        }

        if (path != "/metrics")
        {
            operation.Responses["429"] = new OpenApiResponse
            {
                Description = OpenApiErrors.Describe(429, ["RATE_LIMIT_EXCEEDED"]),
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new()
                    {
                        Schema = new OpenApiSchemaReference(OpenApiErrors.ProblemSchemaId, document),
                        Examples = new Dictionary<string, IOpenApiExample>
                        {
                            ["RATE_LIMIT_EXCEEDED"] = new OpenApiExampleReference("RATE_LIMIT_EXCEEDED", document),
                        },
                    },
                },
            };
        }

        document.Paths[path] = new OpenApiPathItem { Operations = new Dictionary<HttpMethod, OpenApiOperation> { [HttpMethod.Get] = operation } };
    }

    /// <summary>API.md §1.3: RFC 9457 problem details with the app's `code`/`error`/`message`, `traceId` and per-code extensions.</summary>
    private static OpenApiSchema ProblemSchema()
    {
        static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "A problem answer (RFC 9457) as API.md §1.3 defines it; further members per code (API.md §1.5).",
            Required = new HashSet<string> { "type", "title", "status", "detail", "instance", "code", "error", "message", "traceId" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = Text("`/problems/<code in kebab case>` (a relative reference)."),
                ["title"] = Text("Short fixed text per code."),
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "The HTTP status, repeated." },
                ["detail"] = Text("Human-readable explanation of this occurrence."),
                ["instance"] = Text("The request path (no query string)."),
                ["code"] = Text("UPPER_SNAKE error code of API.md §1.5."),
                ["error"] = Text("Same as `code` (the app prints `error`)."),
                ["message"] = Text("Same as `detail`."),
                ["traceId"] = Text("W3C trace id of the request (also in the logs)."),
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "Only on `VALIDATION_ERROR`: messages by parameter name or JSON path.",
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
                ["retryAfter"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "429 and 503: seconds to wait." },
                ["policy"] = Text("429: the rate class."),
                ["limit"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "429: the class's limit; `LIMIT_REACHED`: the schedule limit." },
                ["windowSeconds"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "429: the class's window." },
                ["nextAllowedAt"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time", Description = "429 of the refresh class." },
                ["jobId"] = Text("`REFRESH_IN_PROGRESS`, `JOB_ALREADY_RUNNING`: the job to poll instead."),
                ["activeRole"] = Text("`ACTIVE_ROLE_NOT_GRANTED`, `ROLE_NOT_PERMITTED`: the requested role."),
                ["roles"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = Text("A role."), Description = "`ACTIVE_ROLE_NOT_GRANTED`: the token's roles." },
                ["allowedRoles"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = Text("A role."), Description = "`ROLE_NOT_PERMITTED`: the roles the endpoint serves." },
                ["limitBytes"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "`PAYLOAD_TOO_LARGE`: the body limit." },
                ["sourceMode"] = Text("`SOURCE_MODE_MISMATCH`: the configured source mode."),
                ["reportStatus"] = Text("`REPORT_NOT_READY`, `REPORT_FAILED`: the report's status."),
                ["reason"] = Text("`REPORT_FAILED`: why."),
            },
        };
    }
}
