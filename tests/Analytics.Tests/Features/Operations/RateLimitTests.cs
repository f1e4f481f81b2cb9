using System.Net;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.Operations;

/// <summary>API.md §5: the `read` class counts per user; past the limit, 429 problem+json with Retry-After and the policy headers.</summary>
public sealed class RateLimitTests
{
    [Test]
    public async Task Read_PastTheLimit_Returns429ForThatUserOnly()
    {
        await using var factory = new AnalyticsApiFactory(TestHost.ConnectionString, new Dictionary<string, string?>
        {
            ["Sources:Mode"] = "upstream",
            ["RateLimits:read:Limit"] = "3",
            ["RateLimits:read:WindowSeconds"] = "60",
        });
        using var client = factory.CreateClient();
        var busy = TestTokens.Mint("rl-busy", ["learner"], "org-any");
        var other = TestTokens.Mint("rl-other", ["learner"], "org-any");

        for (var i = 0; i < 3; i++)
        {
            using var ok = await SendAsync(client, busy);
            Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(ok.Headers.GetValues("RateLimit-Policy").Single(), Is.EqualTo("3;w=60"));
        }

        using var limited = await SendAsync(client, busy);
        using var unaffected = await SendAsync(client, other);

        var body = await ApiClient.AssertProblemAsync(limited, HttpStatusCode.TooManyRequests, "RATE_LIMIT_EXCEEDED");
        Assert.Multiple(() =>
        {
            Assert.That(body["policy"]!.GetValue<string>(), Is.EqualTo("read"));
            Assert.That(body["limit"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(limited.Headers.RetryAfter?.Delta?.TotalSeconds, Is.InRange(1, 60));
            Assert.That(unaffected.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/ping", UriKind.Relative));
        request.Headers.Authorization = new("Bearer", token);
        return await client.SendAsync(request);
    }
}
