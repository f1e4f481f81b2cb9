using System.Net;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Shared.Http;

/// <summary>
/// API.md §5: with `ConnectionStrings:Redis` the counters are shared by every instance, so two hosts reach one limit together;
/// without Redis each instance counts alone; with Redis unreachable requests are still served and counted in memory.
/// </summary>
public sealed class RedisRateLimitTests
{
    private static string Redis => Environment.GetEnvironmentVariable("ANALYTICS_TEST_REDIS")
                                   ?? throw new InvalidOperationException("ANALYTICS_TEST_REDIS is not set: run the suite with scripts/test.");

    [Test]
    public async Task TwoInstancesSharingRedis_ReachTheLimitTogether()
    {
        await using var first = Host(Redis);
        await using var second = Host(Redis);
        var token = TestTokens.Mint("rl-shared-" + Guid.NewGuid().ToString("N")[..12], ["learner"], "org-rl");

        var statuses = await PingAsync(token, first, first, second, second);

        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
    }

    [Test]
    public async Task TwoInstancesWithoutRedis_CountEachAlone()
    {
        await using var first = Host(null);
        await using var second = Host(null);
        var token = TestTokens.Mint("rl-alone-" + Guid.NewGuid().ToString("N")[..12], ["learner"], "org-rl");

        var statuses = await PingAsync(token, first, first, second, second);

        Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task RedisUnreachable_RequestsAreServedAndCountedInMemory()
    {
        await using var host = Host("127.0.0.1:1,connectTimeout=200,syncTimeout=200,asyncTimeout=200");
        var token = TestTokens.Mint("rl-down-" + Guid.NewGuid().ToString("N")[..12], ["learner"], "org-rl");

        var started = DateTime.UtcNow;
        var statuses = await PingAsync(token, host, host, host, host);

        Assert.Multiple(() =>
        {
            Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
            // Only the first request waits for Redis (bounded); the others skip it during the pause.
            Assert.That(DateTime.UtcNow - started, Is.LessThan(TimeSpan.FromSeconds(4)));
        });
    }

    private static AnalyticsApiFactory Host(string? redis)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Sources:Mode"] = "upstream",
            ["RateLimits:read:Limit"] = "3",
            ["RateLimits:read:WindowSeconds"] = "60",
        };
        if (redis is not null)
        {
            settings["ConnectionStrings:Redis"] = redis;
        }

        return new AnalyticsApiFactory(TestHost.ConnectionString, settings);
    }

    private static async Task<HttpStatusCode[]> PingAsync(string token, params AnalyticsApiFactory[] hosts)
    {
        var statuses = new List<HttpStatusCode>();
        foreach (var host in hosts)
        {
            using var client = host.CreateClient();
            using var response = await RateLimitClassTests.SendAsync(client, HttpMethod.Get, "/api/v1/ping", null, token);
            statuses.Add(response.StatusCode);
        }

        return [.. statuses];
    }
}
