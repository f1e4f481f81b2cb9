using System.Net;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.Operations;

/// <summary>API.md §6.2: the web app's origin may call the API with bearer tokens and X-Active-Role; other origins get no CORS headers.</summary>
public sealed class CorsTests
{
    [Test]
    public async Task Preflight_FromAnAllowedOrigin_AllowsTheAppsHeadersAndExposesItsResponseHeaders()
    {
        await using var factory = new AnalyticsApiFactory(TestHost.ConnectionString, new Dictionary<string, string?>
        {
            ["Sources:Mode"] = "upstream",
            ["Cors:AllowedOrigins:0"] = "http://localhost:5173",
        });
        using var client = factory.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, new Uri("/api/v1/learner/analytics/overview/learner-123", UriKind.Relative));
        preflight.Headers.Add("Origin", "http://localhost:5173");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,x-active-role");
        using var foreign = new HttpRequestMessage(HttpMethod.Options, new Uri("/api/v1/learner/analytics/overview/learner-123", UriKind.Relative));
        foreign.Headers.Add("Origin", "https://evil.example");
        foreign.Headers.Add("Access-Control-Request-Method", "GET");

        using var allowed = await client.SendAsync(preflight);
        using var refused = await client.SendAsync(foreign);

        Assert.Multiple(() =>
        {
            Assert.That((int)allowed.StatusCode, Is.InRange(200, 204));
            Assert.That(allowed.Headers.GetValues("Access-Control-Allow-Origin").Single(), Is.EqualTo("http://localhost:5173"));
            Assert.That(string.Join(",", allowed.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant(),
                Does.Contain("authorization").And.Contain("x-active-role"));
            Assert.That(allowed.Headers.GetValues("Access-Control-Max-Age").Single(), Is.EqualTo("600"));
            Assert.That(allowed.Headers.Contains("Access-Control-Allow-Credentials"), Is.False);
            Assert.That(refused.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
        });
    }
}
