using System.Net;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Shared.Freshness;

/// <summary>
/// PRODUCT.md decision 9: with `ConnectionStrings:Redis`, the memory layer has a Redis second level shared by instances; a
/// result computed on one instance is served from memory on another without touching the store. scripts/test starts Redis.
/// </summary>
public sealed class RedisCacheTests
{
    private static string Redis => Environment.GetEnvironmentVariable("ANALYTICS_TEST_REDIS")
                                   ?? throw new InvalidOperationException("ANALYTICS_TEST_REDIS is not set: run the suite with scripts/test.");

    [Test]
    public async Task Read_ComputedOnOneInstance_IsServedFromRedisOnAnother()
    {
        var settings = new Dictionary<string, string?> { ["Sources:Mode"] = "upstream", ["ConnectionStrings:Redis"] = Redis };
        await using var first = new AnalyticsApiFactory(TestHost.ConnectionString, settings);
        await using var second = new AnalyticsApiFactory(TestHost.ConnectionString, settings);
        var learner = (await TestStore.ScalarAsync<string>(
            "SELECT u.id FROM lrs.users u JOIN lrs.user_roles r ON r.user_id = u.id AND r.role = 'learner' " +
            "WHERE u.organisation_id = 'org-123' ORDER BY u.id DESC LIMIT 1"))!;
        var path = new Uri($"/api/v1/learner/analytics/performance/{learner}", UriKind.Relative);
        using var firstClient = first.CreateClient();
        using var secondClient = second.CreateClient();
        foreach (var client in new[] { firstClient, secondClient })
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Mint(learner, ["learner"], "org-123"));
        }

        using var computed = await firstClient.GetAsync(path);
        var computedBody = await ApiClient.ReadJsonAsync(computed);
        // Without its snapshot, only Redis can answer the second instance without computing.
        await TestStore.ExecuteAsync("DELETE FROM analytics.analytics_snapshots WHERE subject_id = @learner AND analytic = 'performance'", new { learner });
        using var shared = await secondClient.GetAsync(path);
        var sharedBody = await ApiClient.ReadJsonAsync(shared);
        using var health = await secondClient.GetAsync(new Uri("/api/health", UriKind.Relative));
        var cache = (await ApiClient.ReadJsonAsync(health))["services"]!["cache"]!;

        Assert.Multiple(() =>
        {
            Assert.That(computed.StatusCode, Is.EqualTo(HttpStatusCode.OK), computedBody.ToJsonString());
            Assert.That(shared.StatusCode, Is.EqualTo(HttpStatusCode.OK), sharedBody.ToJsonString());
            Assert.That(sharedBody["meta"]!["servedFrom"]!.GetValue<string>(), Is.EqualTo("memory"));
            Assert.That(sharedBody["data"]!.ToJsonString(), Is.EqualTo(computedBody["data"]!.ToJsonString()));
            Assert.That(cache.ToJsonString(), Is.EqualTo("""{"status":"up","kind":"redis"}"""));
        });
    }

    [Test]
    public async Task Health_WithRedisUnreachable_IsDegradedButReadsStillWork()
    {
        await using var factory = new AnalyticsApiFactory(TestHost.ConnectionString, new Dictionary<string, string?>
        {
            ["Sources:Mode"] = "upstream",
            ["ConnectionStrings:Redis"] = "127.0.0.1:1,connectTimeout=200,syncTimeout=200,asyncTimeout=200",
        });
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Mint("learner-123", ["learner"], "org-123"));

        using var health = await client.GetAsync(new Uri("/api/health", UriKind.Relative));
        var body = await ApiClient.ReadJsonAsync(health);
        using var read = await client.GetAsync(new Uri("/api/v1/learner/analytics/mastery/learner-123", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body["status"]!.GetValue<string>(), Is.EqualTo("degraded"));
            Assert.That(body["services"]!["cache"]!.ToJsonString(), Is.EqualTo("""{"status":"down","kind":"redis"}"""));
            Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }
}
