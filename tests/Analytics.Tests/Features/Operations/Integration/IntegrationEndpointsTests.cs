using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Analytics.Api.Shared.Sources.Upstream;
using Analytics.Api.Shared.Sources.Upstream.Clients;
using Analytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Analytics.Tests.Features.Operations.Integration;

/// <summary>
/// The breaker of SOURCES.md §3.5 (opens after 5 consecutive failures, fails fast while open, closes after one successful probe)
/// seen through the operator endpoints of API.md §4.9: integration health, breaker reset, sync trigger; platform admins only.
/// Retries are off in this host so each call is one attempt, and the break lasts 2 s.
/// </summary>
[NonParallelizable]
public sealed class IntegrationEndpointsTests
{
    private UpstreamTestHost _host = null!;
    private string _operator = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _host = await UpstreamTestHost.StartAsync("integration_endpoints_tests", new Dictionary<string, string?>
        {
            ["Upstreams:Defaults:MaxRetries"] = "0",
            ["Upstreams:Defaults:BreakSeconds"] = "2",
        }, [UpstreamServices.Directory, UpstreamServices.Auth]);
        _operator = TestTokens.Mint("operator-000", ["platform-admin"], "org-123");
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [SetUp]
    public async Task ResetAsync()
    {
        _host.Server.Reset();
        await _host.Circuits[UpstreamServices.Directory].ResetAsync();
    }

    [Test]
    public async Task Breaker_OpensAfterFiveFailures_FailsFast_AndClosesAfterOneSuccessfulProbe()
    {
        var client = _host.Factory.Services.GetRequiredService<DirectoryClient>();
        _host.Server.Given(Request.Create().UsingGet().WithPath("/directory/api/v1/organizations")).RespondWith(Response.Create().WithStatusCode(500));
        for (var i = 0; i < 5; i++)
        {
            var failure = await Assert.ThrowsAsync<UpstreamException>(() => client.OrganizationsAsync(new PageRequest(null, null, 10), CancellationToken.None));
            Assert.That(failure!.Code, Is.EqualTo(UpstreamFailure.Unavailable));
        }

        var calls = _host.Server.LogEntries.Count;
        var started = Stopwatch.GetTimestamp();
        var rejected = await Assert.ThrowsAsync<UpstreamException>(() => client.OrganizationsAsync(new PageRequest(null, null, 10), CancellationToken.None));
        var health = await HealthAsync();
        var directory = Upstream(health, "directory");

        Assert.Multiple(() =>
        {
            Assert.That(rejected!.Code, Is.EqualTo(UpstreamFailure.BreakerOpen));
            Assert.That(Stopwatch.GetElapsedTime(started), Is.LessThan(TimeSpan.FromMilliseconds(500)), "an open breaker fails fast");
            Assert.That(_host.Server.LogEntries, Has.Count.EqualTo(calls), "no request reaches the service while open");
            Assert.That(directory["breaker"]!["state"]!.GetValue<string>(), Is.EqualTo("open"));
            Assert.That(directory["breaker"]!["failureCount"]!.GetValue<int>(), Is.EqualTo(5));
            Assert.That(directory["breaker"]!["nextAttemptAt"], Is.Not.Null);
            Assert.That(directory["lastError"]!["code"]!.GetValue<string>(), Is.EqualTo(UpstreamFailure.Unavailable));
            Assert.That(health["status"]!.GetValue<string>(), Is.EqualTo("degraded"), "auth is still closed");
        });

        await Task.Delay(TimeSpan.FromSeconds(2.3));
        _host.Server.Reset();
        _host.Server.Given(Request.Create().UsingGet().WithPath("/directory/api/v1/organizations"))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody("""{"items":[],"nextCursor":null,"asOf":"2025-10-27T02:00:00Z"}"""));
        var page = await client.OrganizationsAsync(new PageRequest(null, null, 10), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(page.Items, Is.Empty);
            Assert.That(_host.Circuits[UpstreamServices.Directory].State, Is.EqualTo("closed"), "one successful probe closes it");
        });
    }

    [Test]
    public async Task Reset_ClosesAnOpenBreaker_AndNamesWhoDidIt()
    {
        var client = _host.Factory.Services.GetRequiredService<DirectoryClient>();
        _host.Server.Given(Request.Create().UsingGet().WithPath("/directory/api/v1/organizations")).RespondWith(Response.Create().WithStatusCode(503));
        for (var i = 0; i < 5; i++)
        {
            await Assert.ThrowsAsync<UpstreamException>(() => client.OrganizationsAsync(new PageRequest(null, null, 10), CancellationToken.None));
        }

        Assert.That(_host.Circuits[UpstreamServices.Directory].State, Is.EqualTo("open"));
        using var response = await SendAsync(HttpMethod.Post, "/api/v1/integration/circuit-breaker/directory/reset", _operator);
        var body = await ApiClient.ReadJsonAsync(response);
        var calls = _host.Server.LogEntries.Count;
        var after = await Assert.ThrowsAsync<UpstreamException>(() => client.OrganizationsAsync(new PageRequest(null, null, 10), CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
            Assert.That(body["upstream"]!.GetValue<string>(), Is.EqualTo("directory"));
            Assert.That(body["breaker"]!["state"]!.GetValue<string>(), Is.EqualTo("closed"));
            Assert.That(body["breaker"]!["failureCount"]!.GetValue<int>(), Is.Zero);
            Assert.That(body["breaker"]!["resetBy"]!.GetValue<string>(), Is.EqualTo("operator-000"));
            Assert.That(after!.Code, Is.EqualTo(UpstreamFailure.Unavailable), "the next call is sent again");
            Assert.That(_host.Server.LogEntries, Has.Count.EqualTo(calls + 1));
        });
    }

    [Test]
    public async Task Reset_OfAnUnknownUpstream_Is404()
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/v1/integration/circuit-breaker/payroll/reset", _operator);

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.NotFound, "UPSTREAM_NOT_FOUND");
    }

    [TestCase("GET", "/api/v1/integration/health")]
    [TestCase("POST", "/api/v1/integration/circuit-breaker/directory/reset")]
    [TestCase("POST", "/api/v1/integration/sync")]
    public async Task OperatorEndpoints_AreForPlatformAdminsOnly(string method, string path)
    {
        using var response = await SendAsync(new HttpMethod(method), path, TestTokens.Mint("admin-789", ["org-admin"], "org-123"));

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "ROLE_NOT_PERMITTED");
    }

    [Test]
    public async Task Health_ListsEveryUpstream_WithEnabledHostAndNeverSynced()
    {
        var health = await HealthAsync();
        var upstreams = health["upstreams"]!.AsArray();

        Assert.Multiple(() =>
        {
            Assert.That(upstreams.Select(u => u!["name"]!.GetValue<string>()), Is.EqualTo(new[]
            {
                "auth", "directory", "course-builder", "content-studio", "assessment", "skills-engine", "learner-ai", "devlab", "rag-assistant",
            }));
            Assert.That(health["sourceMode"]!.GetValue<string>(), Is.EqualTo("upstream"));
            Assert.That(Upstream(health, "auth")["enabled"]!.GetValue<bool>(), Is.True);
            Assert.That(Upstream(health, "auth")["host"]!.GetValue<string>(), Is.EqualTo(new Uri(_host.Server.Url!).Authority));
            Assert.That(Upstream(health, "auth")["lastSyncStatus"]!.GetValue<string>(), Is.EqualTo("never"));
            Assert.That(Upstream(health, "devlab")["enabled"]!.GetValue<bool>(), Is.False);
            Assert.That(health.ToJsonString(), Does.Not.Contain("token-"), "tokens never leave the service");
        });
    }

    [Test]
    public async Task Sync_IsQueuedAsAJob_AndASecondOneWhileItRunsIs409()
    {
        _host.Server.Given(Request.Create().UsingGet().WithPath("/directory/api/v1/organizations"))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithDelay(TimeSpan.FromSeconds(1.5))
                .WithBody("""{"items":[],"nextCursor":null,"asOf":"2025-10-27T02:00:00Z"}"""));
        _host.EmptyEverywhere();

        using var first = await SendAsync(HttpMethod.Post, "/api/v1/integration/sync", _operator, new { upstreams = new[] { "directory" }, mode = "full" });
        var job = await ApiClient.ReadJsonAsync(first);
        using var second = await SendAsync(HttpMethod.Post, "/api/v1/integration/sync", _operator, new { });
        var conflict = await ApiClient.AssertProblemAsync(second, HttpStatusCode.Conflict, "JOB_ALREADY_RUNNING");

        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), job.ToJsonString());
            Assert.That(first.Headers.Location?.ToString(), Is.EqualTo($"/api/v1/admin/jobs/{job["jobId"]}"));
            Assert.That(job["type"]!.GetValue<string>(), Is.EqualTo("sync"));
            Assert.That(job["parameters"]!["mode"]!.GetValue<string>(), Is.EqualTo("full"));
            Assert.That(job["requestedBy"]!.GetValue<string>(), Is.EqualTo("operator-000"));
            Assert.That(conflict["jobId"]!.GetValue<string>(), Is.EqualTo(job["jobId"]!.GetValue<string>()));
        });

        var status = "running";
        for (var i = 0; i < 50 && status is "queued" or "running"; i++)
        {
            await Task.Delay(200);
            using var poll = await SendAsync(HttpMethod.Get, $"/api/v1/admin/jobs/{job["jobId"]}", _operator);
            status = (await ApiClient.ReadJsonAsync(poll))["status"]!.GetValue<string>();
        }

        Assert.That(status, Is.EqualTo("completed"));
    }

    [TestCase("""{"mode":"sometimes"}""", HttpStatusCode.BadRequest, "VALIDATION_ERROR")]
    [TestCase("""{"upstreams":["payroll"]}""", HttpStatusCode.NotFound, "UPSTREAM_NOT_FOUND")]
    [TestCase("""{"organisationId":"org 1"}""", HttpStatusCode.BadRequest, "VALIDATION_ERROR")]
    public async Task Sync_WithABadBody_IsAClearError(string body, HttpStatusCode status, string code)
    {
        using var client = _host.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/integration/sync", UriKind.Relative))
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _operator);
        using var response = await client.SendAsync(request);

        await ApiClient.AssertProblemAsync(response, status, code);
    }

    private async Task<JsonObject> HealthAsync()
    {
        using var response = await SendAsync(HttpMethod.Get, "/api/v1/integration/health", _operator);
        var body = await ApiClient.ReadJsonAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        return body;
    }

    private static JsonObject Upstream(JsonObject health, string name) =>
        health["upstreams"]!.AsArray().Single(u => u!["name"]!.GetValue<string>() == name)!.AsObject();

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token, object? body = null)
    {
        using var client = _host.Factory.CreateClient();
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await client.SendAsync(request);
    }
}
