using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Analytics.Tests.Security;

/// <summary>
/// Issue #9 point 3: SQL metacharacters and oversized values in every parameter. The routes and their path parameters come
/// from the route table, the query parameters from the OpenAPI document (/openapi/v1.json), plus one the service does not
/// know. Each request is sent by a caller whose role may use the route (found by trying learner, trainer, org-admin and
/// platform-admin in turn), with its own ids in the other parameters. No answer may be a 5xx; every 4xx is problem+json; and
/// afterwards the store still holds every table and every user.
/// </summary>
public sealed class ParameterInjectionTests
{
    private static readonly string[] Values =
    [
        "' OR '1'='1",
        "1;DROP TABLE lrs.users--",
        "'; DELETE FROM lrs.users; --",
        "%27",
        "'",
        "\\",
        "\u0000",
        "x\u0000y",
        new string('A', 5000),
        "ünï©ødé-😀-מבחן-漢字-\u202E",
        "\uFFFF",
        "99999999999999999999",
        "-1",
        "1e309",
        "NaN",
        "${jndi:ldap://x}",
        "../../etc/passwd",
    ];

    private static readonly AccessCaller[] Callers =
    [
        AccessWorld.Callers.Single(c => c.Name == "learner learner-123"),
        AccessWorld.Callers.Single(c => c.Name == "trainer trainer-456"),
        AccessWorld.Callers.Single(c => c.Name == "org-admin admin-789"),
        AccessWorld.Callers.Single(c => c.Name == "platform-admin operator-000"),
    ];

    [Test]
    public async Task EveryParameter_WithSqlMetacharactersAndOversizedValues_AnswersWithoutServerErrorsAndLeavesTheStoreIntact()
    {
        using var client = SecurityHost.Factory.CreateClient();
        var tablesBefore = await SecurityHost.CountAsync("SELECT count(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')");
        var usersBefore = await SecurityHost.CountAsync("SELECT count(*) FROM lrs.users");
        var queryParameters = await QueryParametersAsync(client);
        var routes = AccessMatrix.RoutesOf(SecurityHost.Factory.Services)
            .Where(r => r.Pattern.RawText!.StartsWith("/api/", StringComparison.Ordinal))
            .DistinctBy(r => $"{r.Method} {r.Pattern.RawText}")
            .ToArray();
        var failures = new ConcurrentBag<string>();
        var requests = 0;
        var parametersTried = 0;

        foreach (var (method, pattern) in routes)
        {
            var caller = await CallerForAsync(client, method, pattern);
            if (caller is null)
            {
                failures.Add($"{method} {pattern.RawText}: no caller gets past the role check");
                continue;
            }

            var query = queryParameters.GetValueOrDefault($"{method} {pattern.RawText}", []).Append("zzUnknownParameter").ToArray();
            var targets = pattern.Parameters.Select(p => (Name: p.Name, InPath: true)).Concat(query.Select(q => (Name: q, InPath: false))).ToArray();
            parametersTried += targets.Length;
            // A NUL byte in the path never reaches the application (Kestrel refuses the request line, and the in-memory test
            // server cannot even build such a request): it is tried in query values only.
            var attempts = targets.SelectMany(t => Values.Where(v => !t.InPath || !v.Contains('\u0000', StringComparison.Ordinal)).Select(v => (Target: t, Value: v))).ToArray();
            Interlocked.Add(ref requests, attempts.Length);
            await Parallel.ForEachAsync(attempts, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (attempt, cancellationToken) =>
            {
                var path = Path(pattern, caller, attempt.Target.InPath ? attempt.Target.Name : null, attempt.Value);
                if (!attempt.Target.InPath)
                {
                    path += (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + attempt.Target.Name + "=" + Uri.EscapeDataString(attempt.Value);
                }

                using var request = Request(method, path, caller);
                using var response = await client.SendAsync(request, cancellationToken);
                var status = (int)response.StatusCode;
                var label = $"{method} {pattern.RawText} {(attempt.Target.InPath ? "path" : "query")} {attempt.Target.Name}={Printable(attempt.Value)} as {caller}";
                if (status >= 500)
                {
                    failures.Add($"{label}: {status} {Shorten(await response.Content.ReadAsStringAsync(cancellationToken))}");
                }
                else if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{label}: {status} without problem+json ({response.Content.Headers.ContentType})");
                }
            });
        }

        TestContext.Out.WriteLine($"{requests} requests over {routes.Length} routes and {parametersTried} parameters");
        var tablesAfter = await SecurityHost.CountAsync("SELECT count(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')");
        var usersAfter = await SecurityHost.CountAsync("SELECT count(*) FROM lrs.users");
        Assert.Multiple(() =>
        {
            Assert.That(routes, Has.Length.GreaterThan(40));
            Assert.That(queryParameters.Values.Sum(q => q.Length), Is.GreaterThan(30), "the OpenAPI document lists the query parameters");
            Assert.That(failures.Order(StringComparer.Ordinal), Is.Empty);
            Assert.That(tablesAfter, Is.EqualTo(tablesBefore));
            Assert.That(usersAfter, Is.EqualTo(usersBefore));
        });
    }

    /// <summary>
    /// The free-text fields of request bodies (an explicit list: bodies are not in the route table) get the same values: no 5xx,
    /// problem+json for every 4xx, nothing lost.
    /// </summary>
    [Test]
    public async Task BodyTextFields_WithSqlMetacharactersNulAndOversizedValues_AnswerWithoutServerErrors()
    {
        using var client = SecurityHost.Factory.CreateClient();
        var usersBefore = await SecurityHost.CountAsync("SELECT count(*) FROM lrs.users");
        var learner = Callers[0];
        var operatorCaller = Callers[3];
        Func<string, (string Path, AccessCaller? Caller, object Body)>[] fields =
        [
            v => ("/api/v1/auth/login", null, new { email = v, password = "password123" }),
            v => ("/api/v1/auth/login", null, new { email = v + "@test.com", password = "password123" }),
            v => ("/api/v1/auth/login", null, new { email = "learner@test.com", password = v }),
            v => ("/api/v1/auth/refresh", null, new { refreshToken = v }),
            v => ("/api/v1/auth/refresh", null, new { refreshToken = v + new string('a', 30) }),
            v => ("/api/v1/auth/logout", learner, new { refreshToken = v + new string('a', 30) }),
            v => ("/api/v1/analytics/refresh", learner, new { userId = v }),
            v => ("/api/v1/analytics/refresh", learner, new { userId = learner.UserId, analytics = new[] { v } }),
            v => ("/api/v1/reports/generate", learner, new { type = "learner", format = "json", title = v, analytics = new[] { "no-such-analytic" } }),
            v => ("/api/v1/reports/generate", learner, new { type = v, format = "json" }),
            v => ("/api/v1/reports/generate", learner, new { type = "learner", format = "json", timeZone = v, analytics = new[] { "no-such-analytic" } }),
            v => ("/api/v1/reports/schedules", learner, new { name = v, type = "learner", format = "json", cron = "not a cron" }),
            v => ("/api/v1/reports/schedules", learner, new { name = "n", type = "learner", format = "json", cron = v }),
            v => ("/api/v1/integration/sync", operatorCaller, new { upstreams = new[] { v }, mode = "not-a-mode" }),
            v => ("/api/v1/admin/recalculations", operatorCaller, new { organisationId = v }),
            v => ("/api/v1/predictive/models/retrain", operatorCaller, new { analytic = v }),
        ];
        var failures = new ConcurrentBag<string>();
        var attempts = fields.SelectMany(f => Values.Select(v => (Field: f, Value: v))).ToArray();

        await Parallel.ForEachAsync(attempts, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (attempt, cancellationToken) =>
        {
            var (path, caller, body) = attempt.Field(attempt.Value);
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
            if (caller is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", caller.Token);
            }

            using var response = await client.SendAsync(request, cancellationToken);
            var status = (int)response.StatusCode;
            var label = $"POST {path} {System.Text.Json.JsonSerializer.Serialize(body)[..Math.Min(120, System.Text.Json.JsonSerializer.Serialize(body).Length)]}";
            if (status >= 500)
            {
                failures.Add($"{label}: {status} {Shorten(await response.Content.ReadAsStringAsync(cancellationToken))}");
            }
            else if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"{label}: {status} without problem+json");
            }
        });

        Assert.Multiple(async () =>
        {
            Assert.That(failures.Order(StringComparer.Ordinal), Is.Empty);
            Assert.That(await SecurityHost.CountAsync("SELECT count(*) FROM lrs.users"), Is.EqualTo(usersBefore));
        });
    }

    /// <summary>Query parameter names per (method, path template) from the OpenAPI document.</summary>
    private static async Task<Dictionary<string, string[]>> QueryParametersAsync(HttpClient client)
    {
        var document = JsonNode.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;
        var result = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (operation is not JsonObject op || op["parameters"] is not JsonArray parameters)
                {
                    continue;
                }

                result[$"{method.ToUpperInvariant()} {path}"] = parameters
                    .Where(p => p?["in"]?.GetValue<string>() == "query")
                    .Select(p => p!["name"]!.GetValue<string>())
                    .ToArray();
            }
        }

        return result;
    }

    /// <summary>The first caller whose role may use the route (its baseline request is not 401 nor ROLE_NOT_PERMITTED).</summary>
    private static async Task<AccessCaller?> CallerForAsync(HttpClient client, string method, RoutePattern pattern)
    {
        foreach (var caller in Callers)
        {
            using var request = Request(method, Path(pattern, caller, null, null), caller);
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.Unauthorized && !text.Contains("\"ROLE_NOT_PERMITTED\"", StringComparison.Ordinal))
            {
                return caller;
            }
        }

        return null;
    }

    /// <summary>The route with the caller's own ids (or harmless placeholders) and, for one parameter, the attack value.</summary>
    private static string Path(RoutePattern pattern, AccessCaller caller, string? attacked, string? value)
    {
        var path = pattern.Parameters.Aggregate(pattern.RawText!, (current, parameter) =>
        {
            var text = parameter.Name == attacked
                ? value!
                : parameter.Name switch
                {
                    "orgId" => caller.OrganisationId!,
                    "userId" or "trainerId" or "id" => caller.UserId!,
                    "courseId" => "default-course",
                    "upstream" => "directory",
                    _ => "atk-unknown-" + parameter.Name,
                };
            return current.Replace("{" + parameter.Name + "}", Uri.EscapeDataString(text), StringComparison.Ordinal)
                .Replace("{" + parameter.Name + "?}", Uri.EscapeDataString(text), StringComparison.Ordinal);
        });

        // An erasure is never confirmed: its confirm never equals the user id sent.
        return pattern.RawText!.StartsWith("/api/v1/privacy/user", StringComparison.Ordinal) && !pattern.RawText.EndsWith("/export", StringComparison.Ordinal)
                                                                                            && !pattern.RawText.EndsWith("/preferences", StringComparison.Ordinal)
            ? path + "?confirm=atk-never-" + Guid.NewGuid().ToString("N")
            : path;
    }

    private static HttpRequestMessage Request(string method, string path, AccessCaller caller)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", caller.Token);
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = JsonContent.Create(new { });
        }

        return request;
    }

    private static string Printable(string value) =>
        value.Length > 40 ? $"<{value.Length} chars>" : value.Replace("\u0000", "\\0", StringComparison.Ordinal);

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
