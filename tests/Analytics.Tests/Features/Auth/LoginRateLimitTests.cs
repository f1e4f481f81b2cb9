using System.Net;
using System.Net.Http.Json;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.Auth;

/// <summary>Class `login` of API.md §5: failed logins per client address are limited; once exhausted even a right password is 429.</summary>
public sealed class LoginRateLimitTests
{
    [Test]
    public async Task Login_AfterTheFailedAttemptLimit_Returns429WithRetryAfterEvenForTheRightPassword()
    {
        var connectionString = await TestDatabases.CreateEmptyAsync("login_limit");
        await using var factory = new AnalyticsApiFactory(connectionString, new Dictionary<string, string?>
        {
            ["Sources:Mode"] = "demo",
            ["RateLimits:login:Limit"] = "3",
            ["RateLimits:login:WindowSeconds"] = "900",
        });
        using var client = factory.CreateClient();

        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var failed = await client.PostAsJsonAsync(
                new Uri("/api/v1/auth/login", UriKind.Relative), new { email = $"probe{attempt}@example.test", password = "wrong" });
            Assert.That(failed.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        using var blocked = await client.PostAsJsonAsync(
            new Uri("/api/v1/auth/login", UriKind.Relative), new { email = "learner@test.com", password = "password123" });

        var body = await ApiClient.AssertProblemAsync(blocked, HttpStatusCode.TooManyRequests, "RATE_LIMIT_EXCEEDED");
        Assert.Multiple(() =>
        {
            Assert.That(body["policy"]!.GetValue<string>(), Is.EqualTo("login"));
            Assert.That(body["limit"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(body["windowSeconds"]!.GetValue<int>(), Is.EqualTo(900));
            Assert.That(body["retryAfter"]!.GetValue<int>(), Is.InRange(1, 900));
            Assert.That(blocked.Headers.RetryAfter?.Delta?.TotalSeconds, Is.InRange(1, 900));
            Assert.That(blocked.Headers.GetValues("RateLimit-Policy").Single(), Is.EqualTo("3;w=900"));
        });
    }

    [Test]
    public async Task Login_SuccessfulAttempts_DoNotCountTowardsTheLimit()
    {
        var connectionString = await TestDatabases.CreateEmptyAsync("login_limit_ok");
        await using var factory = new AnalyticsApiFactory(connectionString, new Dictionary<string, string?>
        {
            ["Sources:Mode"] = "demo",
            ["RateLimits:login:Limit"] = "2",
        });
        using var client = factory.CreateClient();

        for (var attempt = 0; attempt < 4; attempt++)
        {
            using var ok = await client.PostAsJsonAsync(
                new Uri("/api/v1/auth/login", UriKind.Relative), new { email = "learner@test.com", password = "password123" });
            Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }
}
