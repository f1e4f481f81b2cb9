using System.Net;
using System.Net.Http.Json;
using Analytics.Tests.Features.Reports;
using Analytics.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Analytics.Tests.Shared.Hosting;

/// <summary>
/// API.md §6.1: logs carry ids, never passwords, tokens, refresh tokens, e-mail addresses or secrets. Drives a failed and a good
/// login, a refresh, a logout, a webhook schedule (whose secret is shown once) and its failing delivery on a host logging every
/// level, and searches everything it logged.
/// </summary>
[NonParallelizable]
public sealed class SecretsInLogsTests
{
    [Test]
    public async Task LoginRefreshAndWebhookReport_LogNoPasswordTokenEmailOrSecret()
    {
        using var hooks = WireMockServer.Start();
        hooks.Given(Request.Create().WithPath("/hook").UsingPost()).RespondWith(Response.Create().WithStatusCode(500));
        var connectionString = await TestDatabases.CreateEmptyAsync("analytics_tests_log_secrets");
        var logs = new CapturedLogs();
        await using var factory = new AnalyticsApiFactory(connectionString, new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
            ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Trace",
            ["Logging:LogLevel:Polly"] = "Trace",
            ["Logging:LogLevel:Quartz"] = "Trace",
            ["Reports:Delivery:Webhook:Enabled"] = "true",
            ["Reports:Delivery:Webhook:AllowHttp"] = "true",
            ["Reports:Delivery:Webhook:AllowedHosts:0"] = "localhost",
            ["Reports:Delivery:Webhook:AllowedHosts:1"] = "127.0.0.1",
            ["Reports:Delivery:Webhook:RetryBaseDelaySeconds"] = "0.05",
        });
        var host = factory.WithWebHostBuilder(builder => builder.ConfigureLogging(logging =>
        {
            logging.AddProvider(logs);
            logging.SetMinimumLevel(LogLevel.Trace);
        }));
        using var client = host.CreateClient();
        const string WrongPassword = "Wr0ng Pa55word, never logged!";

        using var failed = await client.PostAsJsonAsync(new Uri("/api/v1/auth/login", UriKind.Relative),
            new { email = "learner@test.com", password = WrongPassword });
        using var login = await client.PostAsJsonAsync(new Uri("/api/v1/auth/login", UriKind.Relative),
            new { email = "learner@test.com", password = ApiClient.Password });
        var session = await ApiClient.ReadJsonAsync(login);
        var accessToken = session["token"]!.GetValue<string>();
        var refreshToken = session["refreshToken"]!.GetValue<string>();
        using var refreshed = await client.PostAsJsonAsync(new Uri("/api/v1/auth/refresh", UriKind.Relative), new { refreshToken });
        var rotated = await ApiClient.ReadJsonAsync(refreshed);
        var created = await ScheduleTestClient.CreateAsync(rotated["token"]!.GetValue<string>(),
            new
            {
                name = "hooked",
                type = "learner",
                format = "csv",
                cron = "0 5 * * *",
                delivery = new { channel = "webhook", webhookUrl = hooks.Url + "/hook" },
            },
            host);
        var webhookSecret = created["webhookSecret"]!.GetValue<string>();
        using var reused = await client.PostAsJsonAsync(new Uri("/api/v1/auth/refresh", UriKind.Relative), new { refreshToken });
        await ScheduleTestClient.FireAsync(created["id"]!.GetValue<string>(), DateTimeOffset.UtcNow, host, connectionString);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (hooks.LogEntries.Count < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        await Task.Delay(500);

        Assert.Multiple(() =>
        {
            Assert.That(failed.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(refreshed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(reused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(hooks.LogEntries, Is.Not.Empty, "the webhook was called");
            Assert.That(logs.Entries.Any(e => e.Contains("/api/v1/auth/refresh", StringComparison.Ordinal)), Is.True, "the capture sees the host's logs");
        });
        var secrets = new Dictionary<string, string>
        {
            ["password"] = ApiClient.Password,
            ["wrong password"] = WrongPassword,
            ["access token"] = accessToken,
            ["access token signature"] = accessToken.Split('.')[2],
            ["refresh token"] = refreshToken,
            ["rotated refresh token"] = rotated["refreshToken"]!.GetValue<string>(),
            ["rotated access token"] = rotated["token"]!.GetValue<string>(),
            ["e-mail"] = "learner@test.com",
            ["webhook secret"] = webhookSecret,
            ["webhook secret body"] = webhookSecret["whsec_".Length..],
            ["signing key"] = AnalyticsApiFactory.SigningKey,
            ["subject hash key"] = AnalyticsApiFactory.SubjectHashKey,
        };
        foreach (var (what, value) in secrets)
        {
            var leaks = logs.Entries.Where(entry => entry.Contains(value, StringComparison.OrdinalIgnoreCase)).Take(3).ToList();
            Assert.That(leaks, Is.Empty, $"the logs hold the {what}");
        }
    }
}
