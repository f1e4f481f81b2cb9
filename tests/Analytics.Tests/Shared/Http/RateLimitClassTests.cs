using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Shared.Http;

/// <summary>
/// API.md §5: every counted class answers past its limit with 429 problem+json (RATE_LIMIT_EXCEEDED, policy, limit,
/// windowSeconds, retryAfter; refresh adds nextAllowedAt), Retry-After and the four RateLimit headers; limited responses
/// carry RateLimit-Remaining and RateLimit-Reset before that.
/// </summary>
public sealed class RateLimitClassTests
{
    private static AnalyticsApiFactory _factory = null!;

    [OneTimeSetUp]
    public void Start()
    {
        var settings = new Dictionary<string, string?> { ["Sources:Mode"] = "upstream" };
        foreach (var rateClass in new[] { "token", "session", "read", "refresh", "operator", "system", "report", "write", "privacy" })
        {
            settings[$"RateLimits:{rateClass}:Limit"] = "1";
            settings[$"RateLimits:{rateClass}:WindowSeconds"] = "120";
        }

        settings["RateLimits:privacy:Limit"] = "2";
        _factory = new AnalyticsApiFactory(TestHost.ConnectionString, settings);
    }

    [OneTimeTearDown]
    public async Task Stop() => await _factory.DisposeAsync();

    public static IEnumerable<TestCaseData> Classes()
    {
        yield return new TestCaseData("session", HttpMethod.Get, "/api/v1/auth/me", null, new[] { "learner" });
        yield return new TestCaseData("read", HttpMethod.Get, "/api/v1/ping", null, new[] { "learner" });
        yield return new TestCaseData("refresh", HttpMethod.Post, "/api/v1/analytics/refresh", "{}", new[] { "learner" });
        yield return new TestCaseData("report", HttpMethod.Post, "/api/v1/reports/generate", "{}", new[] { "learner" });
        yield return new TestCaseData("write", HttpMethod.Delete, "/api/v1/reports/rep_01JX0000000000000000000000", null, new[] { "learner" });
        yield return new TestCaseData("write", HttpMethod.Put, "/api/v1/privacy/users/{user}/preferences", "{}", new[] { "learner" });
        yield return new TestCaseData("operator", HttpMethod.Get, "/api/v1/admin/jobs", null, new[] { "platform-admin" });
        yield return new TestCaseData("operator", HttpMethod.Post, "/api/v1/predictive/models/retrain", "{}", new[] { "platform-admin" });
        yield return new TestCaseData("system", HttpMethod.Get, "/health/live", null, null);
        yield return new TestCaseData("token", HttpMethod.Post, "/api/v1/auth/refresh", "{\"refreshToken\":\"not-a-token\"}", null);
    }

    [TestCaseSource(nameof(Classes))]
    public async Task Class_PastItsLimit_Returns429ProblemWithRetryAfterAndRateLimitHeaders(
        string policy, HttpMethod method, string path, string? body, string[]? roles)
    {
        var user = "rl-" + Guid.NewGuid().ToString("N")[..12];
        var token = roles is null ? null : TestTokens.Mint(user, roles, "org-rl");
        using var client = _factory.CreateClient();
        path = path.Replace("{user}", user, StringComparison.Ordinal);

        using var first = await SendAsync(client, method, path, body, token);
        using var second = await SendAsync(client, method, path, body, token);

        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.Not.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(Header(first, "RateLimit-Policy"), Is.EqualTo("1;w=120"));
            Assert.That(Header(first, "RateLimit-Limit"), Is.EqualTo("1"));
            Assert.That(Header(first, "RateLimit-Remaining"), Is.EqualTo("0"));
            Assert.That(int.Parse(Header(first, "RateLimit-Reset")!, System.Globalization.CultureInfo.InvariantCulture), Is.InRange(1, 120));
        });
        await AssertLimitedAsync(second, policy, 1, 120);
    }

    [Test]
    public async Task Privacy_ExportErasureAndAliasShareOneClassPerUser()
    {
        var user = "rl-" + Guid.NewGuid().ToString("N")[..12];
        var token = TestTokens.Mint(user, ["learner"], "org-rl");
        using var client = _factory.CreateClient();

        using var export = await SendAsync(client, HttpMethod.Get, $"/api/v1/privacy/users/{user}/export", null, token);
        using var erase = await SendAsync(client, HttpMethod.Delete, $"/api/v1/privacy/users/{user}?confirm={user}", null, token);
        using var alias = await SendAsync(client, HttpMethod.Delete, $"/api/v1/privacy/user/{user}?confirm={user}", null, token);
        using var preferences = await SendAsync(client, HttpMethod.Get, $"/api/v1/privacy/users/{user}/preferences", null, token);

        Assert.Multiple(() =>
        {
            Assert.That(Header(export, "RateLimit-Policy"), Is.EqualTo("2;w=120"));
            Assert.That(Header(export, "RateLimit-Remaining"), Is.EqualTo("1"));
            Assert.That(erase.StatusCode, Is.Not.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(Header(erase, "RateLimit-Remaining"), Is.EqualTo("0"));
            // Preferences are a read (API.md §4.8), not privacy.
            Assert.That(Header(preferences, "RateLimit-Policy"), Is.EqualTo("1;w=120"));
        });
        await AssertLimitedAsync(alias, "privacy", 2, 120);
    }

    [Test]
    public async Task Refresh_AddsNextAllowedAt()
    {
        var token = TestTokens.Mint("rl-" + Guid.NewGuid().ToString("N")[..12], ["learner"], "org-rl");
        using var client = _factory.CreateClient();
        using var first = await SendAsync(client, HttpMethod.Post, "/api/v1/analytics/refresh", "{}", token);
        using var second = await SendAsync(client, HttpMethod.Post, "/api/v1/analytics/refresh", "{}", token);

        var body = await AssertLimitedAsync(second, "refresh", 1, 120);
        var next = DateTimeOffset.Parse(body["nextAllowedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(next, Is.EqualTo(DateTimeOffset.UtcNow.AddSeconds(body["retryAfter"]!.GetValue<int>())).Within(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public async Task SignedLinkDownload_WithoutToken_CountsAsAReadOfTheClientAddress()
    {
        using var client = _factory.CreateClient();
        const string Path = "/api/v1/reports/rep_01JX0000000000000000000001/download?expires=1&signature=abc";
        using var first = await SendAsync(client, HttpMethod.Get, Path, null, null);
        using var second = await SendAsync(client, HttpMethod.Get, Path, null, null);

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        await AssertLimitedAsync(second, "read", 1, 120);
    }

    [Test]
    public async Task Token_CountsPerUserOwningTheRefreshToken_UnknownTokensPerClientAddress()
    {
        // Own host: its `token` counters are fresh (the class is keyed by the client address for unknown tokens).
        await using var factory = new AnalyticsApiFactory(TestHost.ConnectionString, new Dictionary<string, string?>
        {
            ["Sources:Mode"] = "upstream",
            ["RateLimits:token:Limit"] = "1",
            ["RateLimits:token:WindowSeconds"] = "120",
        });
        using var client = factory.CreateClient();
        using var login = await client.PostAsJsonAsync(new Uri("/api/v1/auth/login", UriKind.Relative),
            new { email = "trainer@test.com", password = ApiClient.Password });
        var session = await ApiClient.ReadJsonAsync(login);

        using var rotated = await SendAsync(client, HttpMethod.Post, "/api/v1/auth/refresh",
            new JsonObject { ["refreshToken"] = session["refreshToken"]!.GetValue<string>() }.ToJsonString(), null);
        using var unknown = await SendAsync(client, HttpMethod.Post, "/api/v1/auth/refresh", "{\"refreshToken\":\"unknown\"}", null);
        var next = (await ApiClient.ReadJsonAsync(rotated))["refreshToken"]!.GetValue<string>();
        using var again = await SendAsync(client, HttpMethod.Post, "/api/v1/auth/refresh",
            new JsonObject { ["refreshToken"] = next }.ToJsonString(), null);

        Assert.Multiple(() =>
        {
            Assert.That(rotated.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            // The unknown token counts against the address, not against the trainer: it is answered, not limited.
            Assert.That(unknown.StatusCode, Is.Not.EqualTo(HttpStatusCode.TooManyRequests));
        });
        await AssertLimitedAsync(again, "token", 1, 120);
    }

    [Test]
    public async Task Rejections_AreCountedInTheMetricByPolicy()
    {
        var token = TestTokens.Mint("rl-" + Guid.NewGuid().ToString("N")[..12], ["learner"], "org-rl");
        using var client = _factory.CreateClient();
        using var first = await SendAsync(client, HttpMethod.Get, "/api/v1/ping", null, token);
        using var second = await SendAsync(client, HttpMethod.Get, "/api/v1/ping", null, token);
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));

        string text = string.Empty;
        for (var attempt = 0; attempt < 20 && !text.Contains("rate_limit_rejections_total{", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(attempt == 0 ? 0 : 250);
            using var metrics = await SendAsync(client, HttpMethod.Get, "/metrics", null, TestTokens.Mint("rl-operator", ["platform-admin"], "org-rl"));
            text = await metrics.Content.ReadAsStringAsync();
        }

        Assert.That(text, Does.Match("rate_limit_rejections_total\\{[^}]*policy=\"read\"[^}]*\\} [1-9]"));
    }

    internal static async Task<JsonObject> AssertLimitedAsync(HttpResponseMessage response, string policy, int limit, int window)
    {
        var body = await ApiClient.AssertProblemAsync(response, HttpStatusCode.TooManyRequests, "RATE_LIMIT_EXCEEDED");
        Assert.Multiple(() =>
        {
            Assert.That(body["policy"]!.GetValue<string>(), Is.EqualTo(policy));
            Assert.That(body["limit"]!.GetValue<int>(), Is.EqualTo(limit));
            Assert.That(body["windowSeconds"]!.GetValue<int>(), Is.EqualTo(window));
            Assert.That(body["retryAfter"]!.GetValue<int>(), Is.InRange(1, window));
            Assert.That(body.ContainsKey("nextAllowedAt"), Is.EqualTo(policy == "refresh"));
            Assert.That(response.Headers.RetryAfter?.Delta?.TotalSeconds, Is.EqualTo(body["retryAfter"]!.GetValue<int>()));
            Assert.That(Header(response, "RateLimit-Policy"), Is.EqualTo($"{limit};w={window}"));
            Assert.That(Header(response, "RateLimit-Limit"), Is.EqualTo(limit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(Header(response, "RateLimit-Remaining"), Is.EqualTo("0"));
            Assert.That(Header(response, "RateLimit-Reset"), Is.EqualTo(body["retryAfter"]!.GetValue<int>().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        });
        return body;
    }

    internal static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : null;

    internal static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? body, string? token)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.SendAsync(request);
    }
}
