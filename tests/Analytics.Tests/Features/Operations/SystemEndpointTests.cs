using System.Net;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.Operations;

/// <summary>System endpoints of API.md §4.10 and the transport rules of §6 every response follows.</summary>
public sealed class SystemEndpointTests
{
    [Test]
    public async Task Health_WithDatabaseUp_ReportsHealthy()
    {
        using var response = await ApiClient.GetAsync("/api/health", null);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body["status"]!.GetValue<string>(), Is.EqualTo("healthy"));
            Assert.That(body["services"]!["database"]!["status"]!.GetValue<string>(), Is.EqualTo("up"));
            Assert.That(body["services"]!["scheduler"]!["status"]!.GetValue<string>(), Is.EqualTo("up"));
            Assert.That(body["services"]!["cache"]!.ToJsonString(), Is.EqualTo("""{"status":"up","kind":"memory"}"""), "no Redis configured");
            Assert.That(body["mode"]!["authMode"]!.GetValue<string>(), Is.EqualTo("standalone"));
            Assert.That(body["timestamp"]!.GetValue<string>(), Does.EndWith("Z"));
        });
    }

    [Test]
    public async Task Health_WhenTheDatabaseGoesDown_Returns503Unhealthy()
    {
        var connectionString = await TestDatabases.CreateEmptyAsync("health_down");
        await using var factory = new AnalyticsApiFactory(connectionString, new Dictionary<string, string?> { ["Sources:Mode"] = "upstream" });
        using var client = factory.CreateClient();
        using (var up = await client.GetAsync(new Uri("/api/health", UriKind.Relative)))
        {
            Assert.That(up.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        await using (var admin = new Npgsql.NpgsqlConnection(TestDatabases.AdminConnectionString))
        {
            await admin.OpenAsync();
            await Dapper.SqlMapper.ExecuteAsync(admin,
                "ALTER DATABASE health_down ALLOW_CONNECTIONS false; SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'health_down'");
        }

        Npgsql.NpgsqlConnection.ClearAllPools();
        try
        {
            using var down = await client.GetAsync(new Uri("/api/health", UriKind.Relative));
            var body = await ApiClient.ReadJsonAsync(down);

            Assert.Multiple(() =>
            {
                Assert.That(down.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
                Assert.That(body["status"]!.GetValue<string>(), Is.EqualTo("unhealthy"));
                Assert.That(body["services"]!["database"]!["status"]!.GetValue<string>(), Is.EqualTo("down"));
            });
        }
        finally
        {
            await using var admin = new Npgsql.NpgsqlConnection(TestDatabases.AdminConnectionString);
            await admin.OpenAsync();
            await Dapper.SqlMapper.ExecuteAsync(admin, "ALTER DATABASE health_down ALLOW_CONNECTIONS true");
        }
    }

    [TestCase("/health/live")]
    [TestCase("/health/ready")]
    public async Task Probes_AnswerHealthyAsPlainText(string path)
    {
        using var response = await ApiClient.GetAsync(path, null);

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("Healthy"));
        });
    }

    [Test]
    public async Task Root_PointsToDocsOpenApiAndHealth()
    {
        using var response = await ApiClient.GetAsync("/", null);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(body["docs"]!.GetValue<string>(), Is.EqualTo("/docs"));
            Assert.That(body["openapi"]!.GetValue<string>(), Is.EqualTo("/openapi/v1.json"));
            Assert.That(body["health"]!.GetValue<string>(), Is.EqualTo("/api/health"));
        });
    }

    [Test]
    public async Task OpenApi_DocumentsTheFoundationEndpoints()
    {
        using var response = await ApiClient.GetAsync("/openapi/v1.json", null);
        var body = await ApiClient.ReadJsonAsync(response);

        var paths = body["paths"]!.AsObject().Select(p => p.Key).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(body["openapi"]!.GetValue<string>(), Does.StartWith("3.1"));
            Assert.That(paths, Does.Contain("/api/v1/auth/login").And.Contain("/api/v1/auth/refresh").And.Contain("/api/v1/auth/me")
                .And.Contain("/api/v1/auth/logout").And.Contain("/api/v1/learner/analytics/velocity/{userId}").And.Contain("/api/health"));
        });
    }

    [Test]
    public async Task Docs_ServesTheInteractiveReference()
    {
        using var response = await ApiClient.GetAsync("/docs", null);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("script-src 'self'"));
            Assert.That(html, Does.Contain("data-url=\"/openapi/v1.json\"").And.Contain("/docs/assets/scalar.js"));
            // The docs CSP forbids inline scripts: every script element must load a file of the service.
            Assert.That(System.Text.RegularExpressions.Regex.IsMatch(html, @"<script(?![^>]*\b(src|data-url)=)[^>]*>\s*\S"), Is.False);
        });
    }

    [Test]
    public async Task UnknownRoute_Returns404ProblemWithCode()
    {
        using var response = await ApiClient.GetAsync("/api/v1/no-such-thing", null);

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.NotFound, "ROUTE_NOT_FOUND");
    }

    [Test]
    public async Task WrongMethod_Returns405WithAllowHeader()
    {
        using var client = TestHost.Client();
        using var response = await client.DeleteAsync(new Uri("/api/v1/auth/login", UriKind.Relative));

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed, "METHOD_NOT_ALLOWED");
        Assert.That(response.Content.Headers.Allow, Does.Contain("POST"));
    }

    [Test]
    public async Task EveryResponse_CarriesTheSecurityHeadersAndARequestId()
    {
        using var response = await ApiClient.GetAsync("/api/health", null);

        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
            Assert.That(response.Headers.GetValues("X-Frame-Options").Single(), Is.EqualTo("DENY"));
            Assert.That(response.Headers.GetValues("Referrer-Policy").Single(), Is.EqualTo("no-referrer"));
            Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Is.EqualTo("default-src 'none'; frame-ancestors 'none'"));
            Assert.That(response.Headers.GetValues("X-Request-Id").Single(), Is.Not.Empty);
            Assert.That(response.Headers.Contains("Server"), Is.False);
        });
    }

    [Test]
    public async Task RequestId_WellFormedInboundValue_IsEchoed()
    {
        using var client = TestHost.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/health", UriKind.Relative));
        request.Headers.Add("X-Request-Id", "trace-me-123");

        using var response = await client.SendAsync(request);

        Assert.That(response.Headers.GetValues("X-Request-Id").Single(), Is.EqualTo("trace-me-123"));
    }

    [Test]
    public async Task Ping_WithToken_ReturnsEmptyObject()
    {
        var token = TestTokens.Mint("anyone", ["learner"], "org-any");

        using var response = await ApiClient.GetAsync("/api/v1/ping", token);

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("{}"));
        });
    }

    [Test]
    public async Task Metrics_FromOutsideTheAllowedNetworksWithoutAdminToken_Returns403()
    {
        // The in-process test server has no remote address, which no allowed network contains.
        using var response = await ApiClient.GetAsync("/metrics", null);

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "ACCESS_DENIED");
    }

    [Test]
    public async Task Metrics_WithPlatformAdminToken_ServesPrometheusText()
    {
        var token = TestTokens.Mint("ops", ["platform-admin"], "org-any");
        using (await ApiClient.GetAsync("/api/v1/learner/analytics/velocity/learner-123?window=90d", TestTokens.Mint("learner-123", ["learner"], "org-123")))
        {
        }

        using var response = await ApiClient.GetAsync("/metrics", token);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(text, Does.Contain("# TYPE"));
            // Every computation is timed once, by the caching behaviour, labelled with its analytic id.
            Assert.That(text, Does.Match("analytics_compute_duration_seconds_count\\{[^}]*analytic=\"velocity\""));
        });
    }
}
