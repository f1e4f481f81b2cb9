using System.Net;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.Operations;

/// <summary>API.md §6.4: analytics bodies over 1 KiB are compressed when the client accepts it; `/auth/*` never is.</summary>
public sealed class CompressionTests
{
    [Test]
    public async Task LargeAnalyticsBody_IsCompressed_ButLoginIsNot()
    {
        var token = await ApiClient.TokenAsync("learner@test.com");
        using var client = TestHost.Factory.CreateDefaultClient();
        using var analytics = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/learner/analytics/overview/learner-123", UriKind.Relative));
        analytics.Headers.Authorization = new("Bearer", token);
        analytics.Headers.AcceptEncoding.ParseAdd("gzip");
        using var login = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/auth/login", UriKind.Relative))
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { email = "learner@test.com", password = "password123" }),
        };
        login.Headers.AcceptEncoding.ParseAdd("gzip");

        using var compressed = await client.SendAsync(analytics);
        using var plain = await client.SendAsync(login);

        Assert.Multiple(() =>
        {
            Assert.That(compressed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(compressed.Content.Headers.ContentEncoding, Does.Contain("gzip"));
            Assert.That(plain.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(plain.Content.Headers.ContentEncoding, Is.Empty);
        });
    }
}
