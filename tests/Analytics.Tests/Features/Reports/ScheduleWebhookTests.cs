using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Analytics.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Analytics.Tests.Features.Reports;

/// <summary>
/// Webhook delivery of a scheduled report on a host of its own (own database) with the webhook channel enabled and localhost
/// allowed (plain http through `AllowHttp`, as WireMock serves): the event arrives signed with the schedule's secret.
/// </summary>
[NonParallelizable]
public sealed class ScheduleWebhookTests
{
    private WireMockServer _hooks = null!;
    private AnalyticsApiFactory _host = null!;
    private string _connectionString = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _hooks = WireMockServer.Start();
        _hooks.Given(Request.Create().WithPath("/hook").UsingPost()).RespondWith(Response.Create().WithStatusCode(200));
        _connectionString = await TestDatabases.CreateEmptyAsync("analytics_tests_schedule_webhooks");
        _host = new AnalyticsApiFactory(_connectionString, new Dictionary<string, string?>
        {
            ["Reports:Delivery:Webhook:Enabled"] = "true",
            ["Reports:Delivery:Webhook:AllowHttp"] = "true",
            ["Reports:Delivery:Webhook:AllowedHosts:0"] = "localhost",
            ["Reports:Delivery:Webhook:AllowedHosts:1"] = "127.0.0.1",
            ["Reports:Delivery:Webhook:RetryBaseDelaySeconds"] = "0.05",
        });
        using var client = _host.CreateClient();
        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.That((int)ready.StatusCode, Is.EqualTo(200), "the webhook test host did not become ready");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _hooks.Stop();
        _hooks.Dispose();
        await _host.DisposeAsync();
    }

    [Test]
    public async Task ScheduledReport_IsPostedToTheWebhook_SignedWithTheSchedulesSecret()
    {
        var token = TestTokens.Mint("learner-123", ["learner"], "org-123");
        var created = await ScheduleTestClient.CreateAsync(token,
            new
            {
                name = "hooked",
                type = "learner",
                format = "csv",
                cron = "0 5 * * *",
                delivery = new { channel = "webhook", webhookUrl = _hooks.Url + "/hook" },
            },
            _host);
        var id = created["id"]!.GetValue<string>();
        var secret = created["webhookSecret"]!.GetValue<string>();
        Assert.That(secret, Does.StartWith("whsec_"));
        var stored = await ScheduleTestClient.GetAsync(token, id, _host);
        Assert.That(stored.ContainsKey("webhookSecret"), Is.False, "the secret is shown once");

        await ScheduleTestClient.FireAsync(id, DateTimeOffset.UtcNow, _host, _connectionString);
        var schedule = await ScheduleTestClient.WaitForRunAsync(token, id, _host);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!_hooks.LogEntries.Any(e => e.RequestMessage.Path == "/hook") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var call = _hooks.LogEntries.Single(e => e.RequestMessage.Path == "/hook").RequestMessage;
        var body = call.BodyAsBytes ?? Encoding.UTF8.GetBytes(call.Body ?? string.Empty);
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
        var payload = JsonNode.Parse(body)!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(call.Headers!["X-Signature-256"].Single(), Is.EqualTo(expected));
            Assert.That(payload["event"]!.GetValue<string>(), Is.EqualTo("report.completed"));
            Assert.That(payload["reportId"]!.GetValue<string>(), Is.EqualTo(schedule["lastReportId"]!.GetValue<string>()));
            Assert.That(payload["scheduleId"]!.GetValue<string>(), Is.EqualTo(id));
            Assert.That(payload["format"]!.GetValue<string>(), Is.EqualTo("csv"));
            Assert.That(payload["title"]!.GetValue<string>(), Is.EqualTo("hooked"));
            Assert.That(payload["downloadUrl"]!.GetValue<string>(),
                Does.StartWith($"/api/v1/reports/{payload["reportId"]}/download?expires=").And.Contain("&signature="));
            Assert.That(payload["expiresAt"], Is.Not.Null);
        });
    }

    [Test]
    public async Task Webhook_FailingTwice_IsRetriedWithTheSameSignedBody()
    {
        _hooks.Given(Request.Create().WithPath("/flaky").UsingPost()).InScenario("flaky").WillSetStateTo("one")
            .RespondWith(Response.Create().WithStatusCode(503));
        _hooks.Given(Request.Create().WithPath("/flaky").UsingPost()).InScenario("flaky").WhenStateIs("one").WillSetStateTo("two")
            .RespondWith(Response.Create().WithStatusCode(502));
        _hooks.Given(Request.Create().WithPath("/flaky").UsingPost()).InScenario("flaky").WhenStateIs("two")
            .RespondWith(Response.Create().WithStatusCode(200));
        var client = (Analytics.Api.Features.Reports.Shared.Schedules.ReportWebhookClient)_host.Services.GetService(
            typeof(Analytics.Api.Features.Reports.Shared.Schedules.ReportWebhookClient))!;
        var body = """{"event":"report.completed"}"""u8.ToArray();

        await client.PostAsync(new Uri(_hooks.Url + "/flaky"), "whsec_test", body, CancellationToken.None);

        var calls = _hooks.LogEntries.Where(e => e.RequestMessage.Path == "/flaky").Select(e => e.RequestMessage).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(calls, Has.Length.EqualTo(3), "two failures, then the delivery");
            Assert.That(calls.Select(c => c.Headers!["X-Signature-256"].Single()).Distinct().Count(), Is.EqualTo(1));
            Assert.That(calls.All(c => c.Body == """{"event":"report.completed"}"""), Is.True, "every attempt sends the whole body");
        });
    }

    [Test]
    public async Task WebhookUrl_OnAHostNotAllowed_Returns400()
    {
        var token = TestTokens.Mint("learner-123", ["learner"], "org-123");

        using var response = await ScheduleTestClient.SendAsync(HttpMethod.Post, "/api/v1/reports/schedules", token,
            new { name = "elsewhere", type = "learner", format = "csv", cron = "@daily", delivery = new { channel = "webhook", webhookUrl = "https://evil.example.net/x" } },
            _host);

        var problem = await ApiClient.AssertProblemAsync(response, System.Net.HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.That(problem["errors"]!.AsObject().Select(p => p.Key), Does.Contain("delivery.webhookUrl"));
    }
}
