using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Analytics.Api.Shared.Sources.Upstream;
using Analytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Analytics.Tests.Shared.Sources.Upstream;

/// <summary>
/// The sync against a failing Directory (SOURCES.md §3.5, §3.6, §5): 503s retried twice, 400 not retried, `Retry-After` honoured,
/// timeouts, connection resets and malformed JSON failing the pass without moving its watermark, an interrupted pass resumed
/// from its cursor without duplicates, reads never waiting on a slow service, and the degraded and 503 answers of API.md §1.2/§1.5.
/// Each test syncs an organisation of its own.
/// </summary>
[NonParallelizable]
public sealed class UpstreamFaultTests
{
    private UpstreamTestHost _host = null!;
    private ResettingListener _resets = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        // Auth is played by a listener that resets every connection it accepts.
        _resets = ResettingListener.Start();
        _host = await UpstreamTestHost.StartAsync("upstream_fault_tests", new Dictionary<string, string?>
        {
            ["Upstreams:Defaults:TimeoutSeconds"] = "1",
            ["Upstreams:Defaults:TotalTimeoutSeconds"] = "5",
            ["Upstreams:Auth:BaseUrl"] = _resets.Url,
        }, [UpstreamServices.Directory]);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _host.DisposeAsync();
        _resets.Dispose();
    }

    [SetUp]
    public void Reset() => _host.Server.Reset();

    [Test]
    public async Task Sync_Retries503TwiceThenSucceeds()
    {
        Organisation("org-f1");
        var users = Path("org-f1", "users");
        _host.Server.Given(Request.Create().UsingGet().WithPath(users)).InScenario("f1").WillSetStateTo("one")
            .RespondWith(Response.Create().WithStatusCode(503));
        _host.Server.Given(Request.Create().UsingGet().WithPath(users)).InScenario("f1").WhenStateIs("one").WillSetStateTo("two")
            .RespondWith(Response.Create().WithStatusCode(503));
        _host.Server.Given(Request.Create().UsingGet().WithPath(users)).InScenario("f1").WhenStateIs("two")
            .RespondWith(Page(User("f1-learner", "learner")));

        var result = await SyncAsync("org-f1");

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo("completed"), string.Join("; ", result.Failures));
            Assert.That(Calls(users), Is.EqualTo(3), "two retries, then the answer");
        });
        Assert.That(await _host.ScalarAsync<long>("SELECT count(*) FROM lrs.users WHERE id = 'f1-learner'"), Is.EqualTo(1));
    }

    [Test]
    public async Task Sync_DoesNotRetryA400_AndFailsThePassWithoutAWatermark()
    {
        Organisation("org-f2");
        _host.Server.Given(Request.Create().UsingGet().WithPath(Path("org-f2", "users")))
            .RespondWith(Response.Create().WithStatusCode(400).WithHeader("Content-Type", "application/problem+json").WithBody("""{"status":400}"""));

        var result = await SyncAsync("org-f2");

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo("partial"));
            Assert.That(Calls(Path("org-f2", "users")), Is.EqualTo(1), "a 400 is not retried");
            Assert.That(UsersFailure(result), Does.Contain("users/org-f2").And.Contain(UpstreamFailure.Rejected));
        });
        var state = await StateAsync("org-f2");
        Assert.Multiple(() =>
        {
            Assert.That(state.Watermark, Is.Null);
            Assert.That(state.Failures, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Sync_Honours429RetryAfter()
    {
        Organisation("org-f3");
        var users = Path("org-f3", "users");
        _host.Server.Given(Request.Create().UsingGet().WithPath(users)).InScenario("f3").WillSetStateTo("limited")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1"));
        _host.Server.Given(Request.Create().UsingGet().WithPath(users)).InScenario("f3").WhenStateIs("limited")
            .RespondWith(Page(User("f3-learner", "learner")));

        var started = Stopwatch.GetTimestamp();
        var result = await SyncAsync("org-f3");

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo("completed"), string.Join("; ", result.Failures));
            Assert.That(Stopwatch.GetElapsedTime(started), Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1)), "waited the Retry-After second");
            Assert.That(Calls(users), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Sync_WhenAServiceHangs_FailsItsPass_KeepsTheWatermark_AndReadsDoNotWait()
    {
        Organisation("org-f4");
        _host.Server.Given(Request.Create().UsingGet().WithPath(Path("org-f4", "users"))).RespondWith(Page(User("f4-learner", "learner")));
        Assert.That((await SyncAsync("org-f4")).Status, Is.EqualTo("completed"));
        var before = await StateAsync("org-f4");

        _host.Server.Reset();
        Organisation("org-f4");
        _host.Server.Given(Request.Create().UsingGet().WithPath(Path("org-f4", "users")))
            .RespondWith(Page(User("f4-learner", "learner")).WithDelay(TimeSpan.FromSeconds(10)));
        var sync = SyncAsync("org-f4");
        await Task.Delay(300);
        var read = Stopwatch.GetTimestamp();
        using var response = await GetAsync("/api/v1/learner/analytics/velocity/f4-learner", TestTokens.Mint("f4-learner", ["learner"], "org-f4"));
        var readTime = Stopwatch.GetElapsedTime(read);
        var result = await sync;

        var after = await StateAsync("org-f4");
        Assert.Multiple(() =>
        {
            Assert.That(readTime, Is.LessThan(TimeSpan.FromSeconds(6)), "reads never call upstreams");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(UsersFailure(result), Does.Contain(UpstreamFailure.Unavailable));
            Assert.That(after.Watermark, Is.EqualTo(before.Watermark), "a failed pass does not move the watermark");
            Assert.That(after.Failures, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Client_ConnectionResets_AreRetriedThenFailAsUnavailable()
    {
        var client = _host.Factory.Services.GetRequiredService<Analytics.Api.Shared.Sources.Upstream.Clients.AuthClient>();
        var before = _resets.Accepted;

        var failure = await Assert.ThrowsAsync<UpstreamException>(() => client.SessionsAsync("org-f5", new PageRequest(null, null, 10), CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(failure!.Code, Is.EqualTo(UpstreamFailure.Unavailable));
            Assert.That(_resets.Accepted - before, Is.EqualTo(3), "the attempt and two retries");
        });
    }

    [Test]
    public async Task Sync_MalformedJson_FailsThePassWithoutRetryOrRows()
    {
        Organisation("org-f6");
        _host.Server.Given(Request.Create().UsingGet().WithPath(Path("org-f6", "users")))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"items":[{"id":"f6-"""));

        var result = await SyncAsync("org-f6");

        Assert.Multiple(() =>
        {
            Assert.That(UsersFailure(result), Does.Contain(UpstreamFailure.Contract));
            Assert.That(Calls(Path("org-f6", "users")), Is.EqualTo(1));
        });
        Assert.That(await _host.ScalarAsync<long>("SELECT count(*) FROM lrs.users WHERE organisation_id = 'org-f6'"), Is.Zero);
    }

    [Test]
    public async Task Sync_InterruptedPass_ResumesFromItsCursor_WithoutDuplicates()
    {
        Organisation("org-f7");
        var users = Path("org-f7", "users");
        _host.Server.Given(Request.Create().UsingGet().WithPath(users)).AtPriority(10)
            .RespondWith(Page("c2", User("f7-a", "learner"), User("f7-b", "learner")));
        _host.Server.Given(Request.Create().UsingGet().WithPath(users).WithParam("cursor", "c2")).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(500));

        var failed = await SyncAsync("org-f7");
        var cursor = await _host.ScalarAsync<string>(
            "SELECT cursor FROM ops.sync_state WHERE source = 'upstream' AND entity = 'users' AND scope = 'org-f7'");
        _host.Server.Reset();
        Organisation("org-f7");
        _host.Server.Given(Request.Create().UsingGet().WithPath(users)).AtPriority(10)
            .RespondWith(Page("c2", User("f7-a", "learner"), User("f7-b", "learner")));
        _host.Server.Given(Request.Create().UsingGet().WithPath(users).WithParam("cursor", "c2")).AtPriority(1)
            .RespondWith(Page(User("f7-c", "learner")));
        var resumed = await SyncAsync("org-f7");

        var first = _host.Server.LogEntries.Select(e => e.RequestMessage).First(r => r.Path == users);
        Assert.Multiple(() =>
        {
            Assert.That(failed.Status, Is.EqualTo("partial"));
            Assert.That(cursor, Is.EqualTo("c2"), "the checkpoint of the committed page");
            Assert.That(resumed.Status, Is.EqualTo("completed"), string.Join("; ", resumed.Failures));
            Assert.That(first.Query!["cursor"].Single(), Is.EqualTo("c2"), "the next pass resumes where the last one stopped");
        });
        var ids = await _host.QueryAsync<string>("SELECT id FROM lrs.users WHERE organisation_id = 'org-f7' ORDER BY id");
        Assert.That(ids, Is.EqualTo(new[] { "f7-a", "f7-b", "f7-c" }));
        Assert.That(await _host.ScalarAsync<long>("SELECT count(*) FROM lrs.user_roles WHERE user_id LIKE 'f7-%'"), Is.EqualTo(3));
    }

    [Test]
    public async Task Read_WhenItsUpstreamFails_IsServedDegradedFromTheSnapshot_AndIs503WithoutOne()
    {
        Organisation("org-f8");
        _host.Server.Given(Request.Create().UsingGet().WithPath(Path("org-f8", "users")))
            .RespondWith(Page(User("f8-admin", "org_admin"), User("f8-learner", "learner")));
        Assert.That((await SyncAsync("org-f8")).Status, Is.EqualTo("completed"));
        var token = TestTokens.Mint("f8-admin", ["org-admin"], "org-f8");
        using (var healthy = await GetAsync("/api/v1/org-admin/analytics/learning-velocity/org-f8", token))
        {
            var body = await ApiClient.ReadJsonAsync(healthy);
            Assert.That(healthy.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
            Assert.That(body["meta"]!["degraded"]!.GetValue<bool>(), Is.False);
        }

        _host.Server.Reset();
        Organisation("org-f8");
        _host.Server.Given(Request.Create().UsingGet().WithPath(Path("org-f8", "users"))).RespondWith(Response.Create().WithStatusCode(500));
        Assert.That((await SyncAsync("org-f8")).Status, Is.EqualTo("partial"));
        _host.Factory.Services.GetRequiredService<UpstreamCoverage>().Forget();

        using var degraded = await GetAsync("/api/v1/org-admin/analytics/learning-velocity/org-f8", token);
        var envelope = await ApiClient.ReadJsonAsync(degraded);
        using var missing = await GetAsync("/api/v1/org-admin/analytics/org-performance/org-f8", token);

        Assert.Multiple(() =>
        {
            Assert.That(degraded.StatusCode, Is.EqualTo(HttpStatusCode.OK), envelope.ToJsonString());
            Assert.That(envelope["meta"]!["degraded"]!.GetValue<bool>(), Is.True);
            Assert.That(envelope["meta"]!["degradedUpstreams"]!.AsArray().Select(n => n!.GetValue<string>()), Is.EqualTo(new[] { "directory" }));
            Assert.That(envelope["data"]!["degraded"]!.GetValue<bool>(), Is.True);
            Assert.That(missing.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(30)));
        });
        await ApiClient.AssertProblemAsync(missing, HttpStatusCode.ServiceUnavailable, "DATA_UNAVAILABLE");
    }

    // Only the Directory: Auth (configured here for the connection-reset test) would otherwise fail every sync.
    [Test]
    public async Task FullReconcile_OfAnEmptyListing_DeletesNothing()
    {
        Organisation("org-f9");
        _host.Server.Given(Request.Create().UsingGet().WithPath(Path("org-f9", "users"))).RespondWith(Page(User("f9-a", "learner")));
        await SyncAsync("org-f9");
        _host.Server.Reset();
        Organisation("org-f9");
        _host.Server.Given(Request.Create().UsingGet().WithPath(Path("org-f9", "users"))).RespondWith(Page());

        var result = await _host.Sync.RunAsync(new SyncRequest(SyncMode.Full, [UpstreamServices.Directory], "org-f9"), CancellationToken.None);

        Assert.That(result.Status, Is.EqualTo("completed"), string.Join("; ", result.Failures));
        Assert.That(await _host.ScalarAsync<long>("SELECT count(*) FROM lrs.users WHERE id = 'f9-a'"), Is.EqualTo(1),
            "an empty answer is not taken for every user gone");
    }

    [Test]
    public async Task FullReconcile_AfterAnInterruptedPass_ListsFromTheStart_AndDeletesOnlyWhatIsGone()
    {
        Organisation("org-f10");
        var users = Path("org-f10", "users");
        _host.Server.Given(Request.Create().UsingGet().WithPath(users)).AtPriority(10)
            .RespondWith(Page("c2", User("f10-a", "learner"), User("f10-b", "learner")));
        _host.Server.Given(Request.Create().UsingGet().WithPath(users).WithParam("cursor", "c2")).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(500));
        await SyncAsync("org-f10");
        _host.Server.Reset();
        Organisation("org-f10");
        _host.Server.Given(Request.Create().UsingGet().WithPath(users)).AtPriority(10)
            .RespondWith(Page("c2", User("f10-a", "learner")));
        _host.Server.Given(Request.Create().UsingGet().WithPath(users).WithParam("cursor", "c2")).AtPriority(1)
            .RespondWith(Page(User("f10-c", "learner")));

        var result = await _host.Sync.RunAsync(new SyncRequest(SyncMode.Full, [UpstreamServices.Directory], "org-f10"), CancellationToken.None);

        var first = _host.Server.LogEntries.Select(e => e.RequestMessage).First(r => r.Path == users);
        Assert.Multiple(async () =>
        {
            Assert.That(result.Status, Is.EqualTo("completed"), string.Join("; ", result.Failures));
            Assert.That(first.Query?.ContainsKey("cursor") ?? false, Is.False, "a full pass does not resume an incremental one's cursor");
            Assert.That(await _host.QueryAsync<string>("SELECT id FROM lrs.users WHERE organisation_id = 'org-f10' ORDER BY id"),
                Is.EqualTo(new[] { "f10-a", "f10-c" }));
        });
    }

    [Test]
    public async Task AStoredRejectOfAnotherShape_DoesNotStopItsEntitysPass()
    {
        Organisation("org-f11");
        _host.Server.Given(Request.Create().UsingGet().WithPath(Path("org-f11", "users"))).RespondWith(Page(User("f11-a", "learner")));
        await _host.ExecuteAsync(
            """
            INSERT INTO ops.sync_rejects (source, entity, record_key, scope, reason, payload, first_seen_at, last_seen_at)
            VALUES ('upstream', 'users', 'users:old', 'org-f11', 'old contract', '"not an item"', now(), now())
            """);

        var result = await SyncAsync("org-f11");

        Assert.That(result.Status, Is.EqualTo("completed"), string.Join("; ", result.Failures));
        Assert.That(await _host.ScalarAsync<long>("SELECT count(*) FROM lrs.users WHERE id = 'f11-a'"), Is.EqualTo(1));
    }

    private async Task<SyncRunResult> SyncAsync(string organisation) =>
        await _host.Sync.RunAsync(new SyncRequest(SyncMode.Incremental, [UpstreamServices.Directory], organisation), CancellationToken.None);

    private async Task<(DateTimeOffset? Watermark, int Failures)> StateAsync(string organisation)
    {
        var rows = await _host.QueryAsync<(DateTime? Watermark, int Failures)>(
            "SELECT watermark AT TIME ZONE 'UTC', consecutive_failures FROM ops.sync_state WHERE source = 'upstream' AND entity = 'users' AND scope = @organisation",
            new { organisation });
        var row = rows.Single();
        return (row.Watermark is { } w ? new DateTimeOffset(w, TimeSpan.Zero) : null, row.Failures);
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string token)
    {
        using var client = _host.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    /// <summary>The organisation listing names only this organisation; its departments, KPIs, skill targets and mentoring are empty.</summary>
    private void Organisation(string id)
    {
        _host.ServeJson(UpstreamServices.Directory, "organizations", PageBody(new JsonObject { ["id"] = id, ["name"] = id, ["settings"] = new JsonObject { ["timezone"] = "UTC" } }), 50);
        foreach (var listing in new[] { "departments", "kpis", "value-propositions", "mentoring" })
        {
            _host.ServeJson(UpstreamServices.Directory, $"organizations/{id}/{listing}", PageBody(), 50);
        }
    }

    /// <summary>The users pass's failure (the Directory's later passes of the organisation then fail as "failed earlier").</summary>
    private static string UsersFailure(SyncRunResult result) => result.Failures.Single(f => f.Contains("/users/", StringComparison.Ordinal));

    private int Calls(string path) => _host.Server.LogEntries.Count(e => e.RequestMessage.Path == path);

    private static string Path(string organisation, string collection) => $"/directory/api/v1/organizations/{organisation}/{collection}";

    private static JsonObject User(string id, string role) => new()
    {
        ["id"] = id,
        ["email"] = $"{id}@example.org",
        ["firstName"] = id,
        ["lastName"] = "Test",
        ["roles"] = new JsonArray(role),
        ["isActive"] = true,
        ["updatedAt"] = "2025-10-27T01:00:00Z",
    };

    private static IResponseBuilder Page(params JsonObject[] items) => Page(null, items);

    private static IResponseBuilder Page(string? nextCursor, params JsonObject[] items) =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(PageBody(nextCursor, items).ToJsonString());

    private static JsonObject PageBody(params JsonObject[] items) => PageBody(null, items);

    private static JsonObject PageBody(string? nextCursor, params JsonObject[] items) => new()
    {
        ["items"] = new JsonArray(items.Select(i => (JsonNode)i.DeepClone()).ToArray()),
        ["nextCursor"] = nextCursor,
        ["asOf"] = "2025-10-27T02:00:00Z",
    };
}
