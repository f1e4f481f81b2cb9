using System.Net;
using Analytics.Api.Shared.Http;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Shared.Http;

/// <summary>API.md §6.2: exact origins, one-level wildcards, exposed headers, max-age 600, never credentials.</summary>
public sealed class CorsPolicyTests
{
    private static readonly string[] Configured = ["https://app.example.org", "https://*.example.com", "http://localhost:5173"];

    [TestCase("https://app.example.org", true)]
    [TestCase("https://APP.example.org", true)]
    [TestCase("https://app.example.org:443", true)]
    [TestCase("http://app.example.org", false)]
    [TestCase("https://app.example.org:8443", false)]
    [TestCase("https://a.example.com", true)]
    [TestCase("https://a.b.example.com", false)]
    [TestCase("https://example.com", false)]
    [TestCase("https://evilexample.com", false)]
    [TestCase("https://a.example.com.evil.test", false)]
    [TestCase("http://a.example.com", false)]
    [TestCase("http://localhost:5173", true)]
    [TestCase("http://localhost:4173", false)]
    [TestCase("null", false)]
    [TestCase("https://a.example.com/path", false)]
    public void Origin_IsAllowedExactlyOrByOneWildcardLevel(string origin, bool allowed) =>
        Assert.That(new CorsOrigins(Configured).IsAllowed(origin), Is.EqualTo(allowed));

    [Test]
    public async Task ActualRequest_FromAnAllowedOrigin_GetsOriginAndExposedHeaders_NoCredentials()
    {
        await using var factory = Host();
        using var client = factory.CreateClient();

        using var allowed = await GetAsync(client, "https://reports.example.com");
        using var deeper = await GetAsync(client, "https://x.reports.example.com");
        using var foreign = await GetAsync(client, "https://evil.example");

        Assert.Multiple(() =>
        {
            Assert.That(allowed.Headers.GetValues("Access-Control-Allow-Origin").Single(), Is.EqualTo("https://reports.example.com"));
            var exposed = string.Join(",", allowed.Headers.GetValues("Access-Control-Expose-Headers"));
            foreach (var header in new[] { "ETag", "Location", "Retry-After", "RateLimit-Policy", "RateLimit-Limit", "RateLimit-Remaining",
                         "RateLimit-Reset", "Content-Disposition", "X-Request-Id", "X-Active-Role" })
            {
                Assert.That(exposed, Does.Contain(header));
            }

            Assert.That(allowed.Headers.Contains("Access-Control-Allow-Credentials"), Is.False);
            Assert.That(deeper.Headers.Any(h => h.Key.StartsWith("Access-Control-", StringComparison.Ordinal)), Is.False);
            Assert.That(foreign.Headers.Any(h => h.Key.StartsWith("Access-Control-", StringComparison.Ordinal)), Is.False);
        });
    }

    [Test]
    public async Task Preflight_FromAWildcardOrigin_AllowsTheMethodsAndHeaders_WithMaxAge600()
    {
        await using var factory = Host();
        using var client = factory.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, new Uri("/api/v1/reports/generate", UriKind.Relative));
        preflight.Headers.Add("Origin", "https://reports.example.com");
        preflight.Headers.Add("Access-Control-Request-Method", "PUT");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-active-role,if-none-match,x-request-id");
        using var deeper = new HttpRequestMessage(HttpMethod.Options, new Uri("/api/v1/reports/generate", UriKind.Relative));
        deeper.Headers.Add("Origin", "https://x.reports.example.com");
        deeper.Headers.Add("Access-Control-Request-Method", "POST");

        using var allowed = await client.SendAsync(preflight);
        using var refused = await client.SendAsync(deeper);

        Assert.Multiple(() =>
        {
            Assert.That((int)allowed.StatusCode, Is.InRange(200, 204));
            Assert.That(allowed.Headers.GetValues("Access-Control-Allow-Origin").Single(), Is.EqualTo("https://reports.example.com"));
            Assert.That(string.Join(",", allowed.Headers.GetValues("Access-Control-Allow-Methods")), Does.Contain("PUT"));
            Assert.That(string.Join(",", allowed.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant(),
                Does.Contain("authorization").And.Contain("content-type").And.Contain("x-active-role").And.Contain("if-none-match")
                    .And.Contain("x-request-id"));
            Assert.That(allowed.Headers.GetValues("Access-Control-Max-Age").Single(), Is.EqualTo("600"));
            Assert.That(allowed.Headers.Contains("Access-Control-Allow-Credentials"), Is.False);
            Assert.That(refused.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
        });
    }

    [Test]
    public async Task NoConfiguredOrigins_OutsideDevelopment_NoCrossOriginAccess()
    {
        using var client = TestHost.Client();
        using var response = await GetAsync(client, "http://localhost:5173");

        Assert.That(response.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
    }

    private static AnalyticsApiFactory Host() => new(TestHost.ConnectionString, new Dictionary<string, string?>
    {
        ["Sources:Mode"] = "upstream",
        ["Cors:AllowedOrigins:0"] = "https://*.example.com",
    });

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/health/live", UriKind.Relative));
        request.Headers.Add("Origin", origin);
        var response = await client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return response;
    }
}
