using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Analytics.Api.Features.Sources.UpstreamStub;
using Analytics.Api.Shared.Sources.Demo;
using Analytics.Api.Shared.Sources.Upstream;
using Analytics.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Npgsql;

namespace Analytics.Tests.Features.Sources.UpstreamStub;

/// <summary>
/// Issue #7's end-to-end check: a store filled by syncing the demo organisation through the stub of the nine services holds the
/// demo generator's rows (every lrs table the sync fills, without source and synced_at) and gives the same analytics. One demo
/// store of its own (the tiny preset, org-123 only) is served by the stub; a second service in upstream mode syncs from it.
/// </summary>
[NonParallelizable]
public sealed class UpstreamDemoEquivalenceTests
{
    private const string Org = "org-123";
    private const string StubToken = "stub-token";

    /// <summary>Columns the sync does not own: the source label, its time, and the user columns this service sets itself.</summary>
    private static readonly string[] NotSynced = ["source", "synced_at", "leaderboard_privacy", "predictive_opt_out", "last_login_at"];

    private AnalyticsApiFactory _demo = null!;
    private string _demoStore = null!;
    private WebApplication _stub = null!;
    private string _stubAddress = null!;
    private UpstreamTestHost _upstream = null!;
    private SyncRunResult _sync = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var demoStore = _demoStore = await TestDatabases.CreateEmptyAsync("upstream_equivalence_demo");
        _demo = new AnalyticsApiFactory(demoStore);
        using (var client = _demo.CreateClient())
        {
            using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        }

        _stub = UpstreamStubHost.Create(new UpstreamStubOptions(0, demoStore, StubToken));
        await _stub.StartAsync();
        var address = _stubAddress = UpstreamStubHost.Address(_stub).ToString().TrimEnd('/');
        var settings = new Dictionary<string, string?>();
        foreach (var service in UpstreamServices.All)
        {
            settings[$"Upstreams:{service.ConfigName}:BaseUrl"] = $"{address}/{service.Name}";
            settings[$"Upstreams:{service.ConfigName}:Token"] = StubToken;
        }

        _upstream = await UpstreamTestHost.StartAsync("upstream_equivalence_synced", settings);
        _sync = await _upstream.Sync.RunAsync(new SyncRequest(SyncMode.Incremental), CancellationToken.None);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _upstream.DisposeAsync();
        await _stub.StopAsync();
        await _stub.DisposeAsync();
        await _demo.DisposeAsync();
    }

    [Test]
    public void Sync_OfTheDemoOrganisationThroughTheStub_Completes()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_sync.Status, Is.EqualTo("completed"), string.Join("; ", _sync.Failures));
            Assert.That(_sync.RowsRejected, Is.Zero);
            Assert.That(_sync.RowsWritten, Is.GreaterThan(10_000));
        });
    }

    // SOURCES.md §3.7: `check upstreams` reads one page of every listing through the real clients and exits 0 when all conform;
    // a service that refuses the token fails its listings (exit 1) and only those.
    [TestCase(null, 0)]
    [TestCase("assessment", 1)]
    public async Task CheckUpstreams_AgainstTheStub_ReportsEveryListing(string? wrongToken, int exitCode)
    {
        var (code, output) = await CheckUpstreamsAsync(wrongToken);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var feeds = _upstream.Sync.Feeds;

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(exitCode), output);
            Assert.That(lines.Count(l => l.StartsWith("ok ", StringComparison.Ordinal) || l.StartsWith("FAIL", StringComparison.Ordinal)),
                Is.EqualTo(feeds.Count), output);
            Assert.That(lines.Where(l => l.StartsWith("FAIL", StringComparison.Ordinal)).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]),
                Is.EquivalentTo(feeds.Where(f => f.Service.Name == wrongToken).Select(f => f.Service.Name)), output);
        });
    }

    [TestCaseSource(nameof(Tables))]
    public async Task Sync_ReproducesTheDemoRows(string table)
    {
        var sql = $"SELECT (to_jsonb(t) - '{{{string.Join(',', NotSynced)}}}'::text[])::text FROM lrs.{table} t";
        var generated = await RowsAsync(_demoStore, sql);
        var synced = await RowsAsync(_upstream.ConnectionString, sql);

        Assert.That(generated, Is.Not.Empty);
        Assert.That(synced, Is.EqualTo(generated), $"lrs.{table}");
    }

    [TestCase("/api/v1/learner/analytics/velocity/learner-123", "learner-123", "learner")]
    [TestCase("/api/v1/learner/analytics/engagement/learner-123", "learner-123", "learner")]
    [TestCase("/api/v1/learner/analytics/skill-gap/learner-123", "learner-123", "learner")]
    [TestCase("/api/v1/learner/analytics/performance/learner-123", "learner-123", "learner")]
    [TestCase("/api/v1/trainer/analytics/course-performance/trainer-456", "trainer-456", "trainer")]
    [TestCase("/api/v1/org-admin/analytics/learning-velocity/org-123", "admin-789", "org-admin")]
    [TestCase("/api/v1/org-admin/analytics/org-performance/org-123", "admin-789", "org-admin")]
    [TestCase("/api/v1/predictive/drop-off-risk/learner-123", "learner-123", "learner")]
    [TestCase("/api/v1/gamification/stats/learner-123", "learner-123", "learner")]
    [TestCase("/api/v1/gamification/streak/learner-123", "learner-123", "learner")]
    public async Task Analytics_OfTheSyncedStore_EqualTheDemoStores(string path, string userId, string role)
    {
        var token = TestTokens.Mint(userId, [role], Org);
        var generated = await DataAsync(_demo, path, token);
        var synced = await DataAsync(_upstream.Factory, path, token);

        Assert.That(synced.ToJsonString(), Is.EqualTo(generated.ToJsonString()));
    }

    public static IEnumerable<string> Tables() => DemoGenerator.ProvidedTables;

    /// <summary>The payload without what differs by design: the source label and the computation's own times.</summary>
    private static async Task<JsonObject> DataAsync(AnalyticsApiFactory factory, string path, string token)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        var body = await ApiClient.ReadJsonAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{path}: {body.ToJsonString()}");
        var data = body["data"]!.AsObject();
        // The rank among the organisation depends on who hides from leaderboards, a setting this service owns (not synced).
        foreach (var field in new[] { "source", "lastUpdated", "computedAt", "generatedAt", "isStale", "staleness", "leaderboard" })
        {
            data.Remove(field);
        }

        // Ledger rows carry the instant they were awarded, which is when each store was filled.
        foreach (var activity in data["recentActivity"]?.AsArray() ?? [])
        {
            activity!.AsObject().Remove("timestamp");
        }

        return data;
    }

    private static async Task<string[]> RowsAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return (await Dapper.SqlMapper.QueryAsync<string>(connection, sql)).Order(StringComparer.Ordinal).ToArray();
    }

    private async Task<(int Code, string Output)> CheckUpstreamsAsync(string? wrongToken)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Analytics.Api.dll"), "check", "upstreams", "--organisation", Org])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__Analytics"] = _demoStore;
        start.Environment["Sources__Mode"] = "upstream";
        foreach (var service in UpstreamServices.All)
        {
            start.Environment[$"Upstreams__{service.ConfigName}__BaseUrl"] = $"{_stubAddress}/{service.Name}";
            start.Environment[$"Upstreams__{service.ConfigName}__Token"] = service.Name == wrongToken ? "not-the-token" : StubToken;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);
        return (process.ExitCode, await output + await errors);
    }
}
