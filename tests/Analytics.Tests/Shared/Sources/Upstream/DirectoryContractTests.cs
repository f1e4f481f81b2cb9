using Analytics.Api.Shared.Sources.Upstream;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Shared.Sources.Upstream;

/// <summary>
/// The Directory client and feeds against the recorded pages of tests/Contracts/Upstreams/Directory (SOURCES.md §3.3, §3.7):
/// every field mapped, paging to `nextCursor = null`, roles normalised, headers sent, and a second identical pass writes nothing.
/// </summary>
[NonParallelizable]
public sealed class DirectoryContractTests
{
    private UpstreamTestHost _host = null!;
    private SyncRunResult _first = null!;
    private WireMock.Logging.ILogEntry[] _firstCalls = [];

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _host = await UpstreamTestHost.StartAsync("upstream_directory_tests", services: [UpstreamServices.Directory]);
        _host.Serve(UpstreamServices.Directory, "organizations", "organizations.page1.json");
        _host.Serve(UpstreamServices.Directory, "organizations/org-up-1/departments", "departments.page1.json");
        _host.Serve(UpstreamServices.Directory, "organizations/org-up-1/users", "users.page1.json");
        _host.Serve(UpstreamServices.Directory, "organizations/org-up-1/users", "users.page2.json", cursor: "eyJrIjoiMjAyNS0xMC0yN1QwMTo1MjoxMFoifQ");
        _host.EmptyEverywhere();
        _first = await _host.Sync.RunAsync(new SyncRequest(SyncMode.Incremental), CancellationToken.None);
        _firstCalls = _host.Server.LogEntries.ToArray();
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [Test]
    public async Task Sync_MapsEveryFieldOfOrganisationsDepartmentsAndUsers()
    {
        var result = _first;

        Assert.That(result.Status, Is.EqualTo("completed"), string.Join("; ", result.Failures));
        var organisation = await _host.ScalarAsync<string>(
            "SELECT concat_ws('|', name, time_zone, settings::text, source) FROM lrs.organisations WHERE id = 'org-up-1'");
        var users = await _host.QueryAsync<string>(
            """
            SELECT concat_ws('|', id, organisation_id, coalesce(department_id, '-'), coalesce(email, '-'), display_name,
                             coalesce(time_zone, '-'), active, created_at AT TIME ZONE 'UTC', source)
            FROM lrs.users ORDER BY id
            """);
        var roles = await _host.QueryAsync<string>("SELECT user_id || ':' || role FROM lrs.user_roles ORDER BY 1");
        Assert.Multiple(() =>
        {
            Assert.That(organisation, Is.EqualTo("""Upstream Org|Europe/Berlin|{"minGroupSize": 12}|upstream"""));
            Assert.That(users, Is.EqualTo(new[]
            {
                "up-admin-1|org-up-1|dept-up-ops|up.admin1@example.org|Ada Admin|-|t|2025-01-11 09:00:00|upstream",
                "up-learner-1|org-up-1|dept-up-eng|up.learner1@example.org|John Learner|Europe/Berlin|t|2025-01-10 09:00:00|upstream",
                "up-trainer-1|org-up-1|-|up.trainer1@example.org|Tina Trainer|-|f|2025-01-12 09:00:00|upstream",
            }));
            Assert.That(roles, Is.EqualTo(new[] { "up-admin-1:learner", "up-admin-1:org-admin", "up-learner-1:learner", "up-trainer-1:trainer" }));
        });
    }

    [Test]
    public void Sync_SendsTheBearerTokenAndContractHeaders()
    {
        var users = _firstCalls.Select(e => e.RequestMessage)
            .Where(r => r.Path == "/directory/api/v1/organizations/org-up-1/users").ToArray();

        Assert.That(users, Is.Not.Empty);
        var first = users[0];
        Assert.Multiple(() =>
        {
            Assert.That(first.Headers!["Authorization"].Single(), Is.EqualTo("Bearer token-directory"));
            Assert.That(first.Headers["Accept"].Single(), Does.Contain("application/json"));
            Assert.That(first.Headers["User-Agent"].Single(), Does.StartWith("learning-analytics/"));
            Assert.That(first.Headers.Keys.Any(k => k.Equals("X-Request-Id", StringComparison.OrdinalIgnoreCase)), Is.True, string.Join(",", first.Headers.Keys));
            Assert.That(first.Query!["limit"].Single(), Is.EqualTo("500"));
            Assert.That(users.Any(u => u.Query!.TryGetValue("cursor", out var c) && c.Single() == "eyJrIjoiMjAyNS0xMC0yN1QwMTo1MjoxMFoifQ"), Is.True,
                "the second page is read with the first page's nextCursor");
        });
    }

    [Test]
    public async Task SecondPass_AsksFromTheWatermarkMinusTheOverlap_AndWritesNothing()
    {
        var before = _host.Server.LogEntries.Count;

        var result = await _host.Sync.RunAsync(new SyncRequest(SyncMode.Incremental), CancellationToken.None);

        var users = _host.Server.LogEntries.Skip(before).Select(e => e.RequestMessage)
            .First(r => r.Path == "/directory/api/v1/organizations/org-up-1/users");
        Assert.Multiple(() =>
        {
            Assert.That(result.RowsWritten, Is.Zero, "an identical page changes no row");
            // Watermark = the first page's asOf (02:00:00), minus Sync:OverlapSeconds (300 s).
            Assert.That(users.Query!["updatedSince"].Single(), Is.EqualTo("2025-10-27T01:55:00Z"));
        });
        var watermark = await _host.ScalarAsync<DateTime>(
            "SELECT watermark AT TIME ZONE 'UTC' FROM ops.sync_state WHERE source = 'upstream' AND entity = 'users' AND scope = 'org-up-1'");
        Assert.That(watermark, Is.EqualTo(new DateTime(2025, 10, 27, 2, 0, 0)));
    }
}
