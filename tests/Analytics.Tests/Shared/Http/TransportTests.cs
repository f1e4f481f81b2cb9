using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Analytics.Api.Shared.Http;
using Analytics.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Shared.Http;

/// <summary>API.md §6.1 and §5 (last paragraph): security headers on every answer, HSTS, HTTPS redirection, proxies.</summary>
public sealed class TransportTests
{
    private static readonly string[] SecurityHeaders =
        ["X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy", "Cross-Origin-Resource-Policy", "Content-Security-Policy"];

    public static IEnumerable<TestCaseData> Answers()
    {
        yield return new TestCaseData(HttpMethod.Get, "/api/v1/ping", null, "learner", HttpStatusCode.OK).SetName("200 ping");
        yield return new TestCaseData(HttpMethod.Get, "/api/v1/ping", null, null, HttpStatusCode.Unauthorized).SetName("401 no token");
        yield return new TestCaseData(HttpMethod.Get, "/api/v1/nowhere", null, "learner", HttpStatusCode.NotFound).SetName("404 route");
        yield return new TestCaseData(HttpMethod.Delete, "/api/v1/ping", null, "learner", HttpStatusCode.MethodNotAllowed).SetName("405 method");
        yield return new TestCaseData(HttpMethod.Get, "/api/v1/learner/analytics/velocity/learner-123", null, "trainer", HttpStatusCode.Forbidden).SetName("403 role");
        yield return new TestCaseData(HttpMethod.Post, "/api/v1/auth/login", "x", null, HttpStatusCode.UnsupportedMediaType).SetName("415 media type");
        yield return new TestCaseData(HttpMethod.Post, "/api/v1/auth/login", new string('x', 70_000), null, HttpStatusCode.RequestEntityTooLarge).SetName("413 body");
        yield return new TestCaseData(HttpMethod.Get, "/health/live", null, null, HttpStatusCode.OK).SetName("200 probe");
    }

    [TestCaseSource(nameof(Answers))]
    public async Task EveryAnswer_CarriesTheSecurityHeaders_AndNoServerHeader(
        HttpMethod method, string path, string? body, string? role, HttpStatusCode expected)
    {
        using var client = TestHost.Client();
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "text/plain");
        }

        if (role is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Mint("sec-headers", [role], "org-123"));
            request.Headers.Add("X-Active-Role", role);
        }

        using var response = await client.SendAsync(request);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(expected));
            AssertSecurityHeaders(response);
        });
    }

    [Test]
    public async Task RateLimited429_CarriesTheSecurityHeaders()
    {
        await using var factory = new AnalyticsApiFactory(TestHost.ConnectionString, new Dictionary<string, string?>
        {
            ["Sources:Mode"] = "upstream",
            ["RateLimits:system:Limit"] = "1",
        });
        using var client = factory.CreateClient();
        using var first = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        using var limited = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(limited.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            AssertSecurityHeaders(limited);
        });
    }

    [Test]
    public async Task Hsts_OverHttpsOutsideDevelopment_NotOverHttp_NotInDevelopment()
    {
        using var https = TestHost.Factory.CreateClient(new() { BaseAddress = new Uri("https://localhost") });
        using var http = TestHost.Client();
        await using var development = new AnalyticsApiFactory(TestHost.ConnectionString, new Dictionary<string, string?>
        {
            ["Sources:Mode"] = "upstream",
            ["environment"] = "Development",
        });
        using var developmentHttps = development.CreateClient(new() { BaseAddress = new Uri("https://localhost") });

        using var overHttps = await https.GetAsync(new Uri("/health/live", UriKind.Relative));
        using var overHttp = await http.GetAsync(new Uri("/health/live", UriKind.Relative));
        using var inDevelopment = await developmentHttps.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(overHttps.Headers.GetValues("Strict-Transport-Security").Single(), Is.EqualTo("max-age=31536000; includeSubDomains"));
            Assert.That(overHttp.Headers.Contains("Strict-Transport-Security"), Is.False);
            Assert.That(inDevelopment.Headers.Contains("Strict-Transport-Security"), Is.False);
        });
    }

    [Test]
    public async Task HttpsRequired_RedirectsPlainHttp_ButNotTheProbes()
    {
        await using var factory = new AnalyticsApiFactory(TestHost.ConnectionString, new Dictionary<string, string?>
        {
            ["Sources:Mode"] = "upstream",
            ["Http:RequireHttps"] = "true",
            ["Http:HttpsPort"] = "8443",
        });
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        using var redirected = await client.GetAsync(new Uri("/api/v1/ping?x=1", UriKind.Relative));
        using var probe = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(redirected.StatusCode, Is.EqualTo(HttpStatusCode.PermanentRedirect));
            Assert.That(redirected.Headers.Location, Is.EqualTo(new Uri("https://localhost:8443/api/v1/ping?x=1")));
            Assert.That(probe.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task HttpsByDefault_OutsideDevelopmentOnATestHostWithoutAddresses_DoesNotRedirect()
    {
        using var response = await TestHost.Client().GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase(new[] { "http://localhost:5000" }, true)]
    [TestCase(new[] { "http://127.0.0.1:5000", "http://[::1]:5000" }, true)]
    [TestCase(new[] { "http://127.0.0.1:5000", "http://0.0.0.0:5000" }, false)]
    [TestCase(new[] { "http://*:80" }, false)]
    [TestCase(new[] { "http://+:80" }, false)]
    [TestCase(new[] { "https://10.0.0.5:443" }, false)]
    [TestCase(new[] { "http://[::]:8080" }, false)]
    public void AllLoopback_TellsLocalFromReachableAddresses(string[] addresses, bool loopback) =>
        Assert.That(HttpsPolicy.AllLoopback(addresses), Is.EqualTo(loopback));

    [Test]
    public async Task ForwardedFor_IsHonouredOnlyFromAKnownProxy()
    {
        await using var factory = ProxiedHost();
        using var client = factory.CreateClient();

        // From the known proxy: the forwarded client addresses are the keys, so two clients have a request each.
        var viaProxy = new[]
        {
            await StatusAsync(client, "10.0.0.1", "203.0.113.9"),
            await StatusAsync(client, "10.0.0.1", "203.0.113.10"),
            await StatusAsync(client, "10.0.0.1", "198.51.100.7, 203.0.113.9"),
        };
        // From an unknown peer the header is ignored: the socket address is the key, whatever it claims.
        var direct = new[]
        {
            await StatusAsync(client, "10.0.0.2", "203.0.113.11"),
            await StatusAsync(client, "10.0.0.2", "203.0.113.12"),
        };

        Assert.Multiple(() =>
        {
            Assert.That(viaProxy, Is.EqualTo(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests }),
                "the first untrusted hop (from the right) is the client");
            Assert.That(direct, Is.EqualTo(new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        });
    }

    [Test]
    public async Task ForwardedProto_FromAKnownProxy_MakesTheRequestHttps()
    {
        await using var factory = ProxiedHost();
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/nowhere", UriKind.Relative));
        request.Headers.Add("X-Test-Peer", "10.0.0.1");
        request.Headers.Add("X-Forwarded-For", "203.0.113.20");
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var spoofed = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/nowhere", UriKind.Relative));
        spoofed.Headers.Add("X-Test-Peer", "10.0.0.2");
        spoofed.Headers.Add("X-Forwarded-For", "203.0.113.21");
        spoofed.Headers.Add("X-Forwarded-Proto", "https");

        using var proxied = await client.SendAsync(request);
        using var direct = await client.SendAsync(spoofed);

        Assert.Multiple(() =>
        {
            Assert.That(proxied.Headers.Contains("Strict-Transport-Security"), Is.True);
            Assert.That(direct.Headers.Contains("Strict-Transport-Security"), Is.False);
        });
    }

    internal static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        foreach (var name in SecurityHeaders)
        {
            Assert.That(response.Headers.Contains(name), Is.True, $"{name} on {(int)response.StatusCode}");
        }

        Assert.That(response.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
        Assert.That(response.Headers.GetValues("X-Frame-Options").Single(), Is.EqualTo("DENY"));
        Assert.That(response.Headers.GetValues("Referrer-Policy").Single(), Is.EqualTo("no-referrer"));
        Assert.That(response.Headers.GetValues("Cross-Origin-Resource-Policy").Single(), Is.EqualTo("same-origin"));
        Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Is.EqualTo("default-src 'none'; frame-ancestors 'none'"));
        Assert.That(response.Headers.Contains("X-Request-Id"), Is.True);
        Assert.That(response.Headers.Server, Is.Empty);
    }

    private static WebApplicationFactory ProxiedHost() => new(new AnalyticsApiFactory(TestHost.ConnectionString, new Dictionary<string, string?>
    {
        ["Sources:Mode"] = "upstream",
        ["ForwardedHeaders:KnownProxies:0"] = "10.0.0.1",
        ["RateLimits:system:Limit"] = "1",
    }));

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string peer, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/health/live", UriKind.Relative));
        request.Headers.Add("X-Test-Peer", peer);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>The test server has no socket: a start-up filter sets the peer address from `X-Test-Peer` before the pipeline.</summary>
    private sealed class WebApplicationFactory(AnalyticsApiFactory inner) : IAsyncDisposable
    {
        private readonly Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> _factory = inner.WithWebHostBuilder(builder =>
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, PeerAddressFilter>()));

        public HttpClient CreateClient() => _factory.CreateClient();

        public async ValueTask DisposeAsync()
        {
            await _factory.DisposeAsync();
            await inner.DisposeAsync();
        }
    }

    private sealed class PeerAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue("X-Test-Peer", out var peer))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
