using System.Globalization;
using Analytics.Api.Shared.Sources.Upstream;
using Analytics.Tests.Infrastructure;
using Npgsql;

namespace Analytics.Tests.Shared.Sources.Upstream;

/// <summary>
/// The Content Studio feeds against the recorded pages of tests/Contracts/Upstreams/ContentStudio (SOURCES.md §3.3, §3.7): content
/// items, daily usage (full totals, minutes from seconds, read by date window in a full reconcile) and contributions. org-cs-1 holds
/// the mapping, paging and tombstone steps, org-cs-2 the rejects, org-cs-3 the full reconcile; organisations, people, courses and
/// modules are stored first, as the Directory and Course Builder feeds would (the steps run in order on one store).
/// </summary>
[NonParallelizable]
public sealed class ContentStudioContractTests
{
    private static readonly UpstreamService Service = UpstreamServices.ContentStudio;

    // The full reconcile reads activity from this day on: Sync:ActivityReconcileDays is set so that today − days lands on it.
    private static readonly DateOnly ActivityFrom = new(2025, 10, 1);
    private UpstreamTestHost _host = null!;
    private PageOverrides _overrides = null!;
    private SyncRunResult _first = null!;
    private WireMock.Logging.ILogEntry[] _firstCalls = [];

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var reconcileDays = DateOnly.FromDateTime(DateTime.UtcNow).DayNumber - ActivityFrom.DayNumber;
        _host = await UpstreamTestHost.StartAsync(
            "upstream_content_studio_tests",
            new Dictionary<string, string?> { ["Sync:ActivityReconcileDays"] = reconcileDays.ToString(CultureInfo.InvariantCulture) },
            [Service]);
        _overrides = new PageOverrides(_host);
        await ExecuteAsync(
            """
            INSERT INTO lrs.organisations (id, name, source)
            VALUES ('org-cs-1', 'Studio One', 'upstream'), ('org-cs-2', 'Studio Two', 'upstream'), ('org-cs-3', 'Studio Three', 'upstream');
            INSERT INTO lrs.users (id, organisation_id, display_name, source)
            VALUES ('cs-learner-1', 'org-cs-1', 'Learner One', 'upstream'), ('cs-learner-2', 'org-cs-1', 'Learner Two', 'upstream'),
                   ('cs3-learner-1', 'org-cs-3', 'Learner Three', 'upstream');
            INSERT INTO lrs.users (id, organisation_id, display_name, source)
            SELECT 'cs2-learner-' || lpad(n::text, 2, '0'), 'org-cs-2', 'Learner ' || n, 'upstream' FROM generate_series(1, 20) AS n;
            INSERT INTO lrs.courses (id, organisation_id, title, source)
            VALUES ('c-cs-1', 'org-cs-1', 'Course One', 'upstream'), ('c-cs2-1', 'org-cs-2', 'Course Two', 'upstream'),
                   ('c-cs3-1', 'org-cs-3', 'Course Three', 'upstream');
            INSERT INTO lrs.topics (id, course_id, title, position, source)
            VALUES ('c-cs-1-t01', 'c-cs-1', 'First', 0, 'upstream'), ('c-cs-1-t02', 'c-cs-1', 'Second', 1, 'upstream');
            """);
        _host.Serve(Service, "organizations/org-cs-1/content", "content.page1.json");
        _host.Serve(Service, "organizations/org-cs-1/content", "content.page2.json", cursor: "Y29udGVudDpwYWdlMg");
        _host.Serve(Service, "organizations/org-cs-1/usage/daily", "usage-daily.page1.json");
        _host.Serve(Service, "organizations/org-cs-1/usage/daily", "usage-daily.page2.json", cursor: "dXNhZ2U6cGFnZTI");
        _host.Serve(Service, "organizations/org-cs-1/contributions", "contributions.page1.json");
        _host.Serve(Service, "organizations/org-cs-2/usage/daily", "usage-daily.rejects.page1.json");
        _host.Serve(Service, "organizations/org-cs-3/content", "content.reconcile.page1.json");
        _host.Serve(Service, "organizations/org-cs-3/usage/daily", "usage-daily.reconcile.page1.json");
        _host.Serve(Service, "organizations/org-cs-3/contributions", "contributions.reconcile.page1.json");
        _host.EmptyEverywhere();
        _first = await _host.Sync.RunAsync(new SyncRequest(SyncMode.Incremental), CancellationToken.None);
        _firstCalls = _host.Server.LogEntries.ToArray();
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [TearDown]
    public void ClearOverrides() => _overrides.Clear();

    [Test]
    public async Task Sync_MapsEveryFieldOfContentUsageAndContributions()
    {
        Assert.That(_first.Status, Is.EqualTo("completed"), string.Join("; ", _first.Failures));
        var content = await _host.QueryAsync<string>(
            """
            SELECT concat_ws('|', id, course_id, coalesce(topic_id, '-'), coalesce(title, '-'), type, coalesce(source_type, '-'),
                             coalesce(creation_method, '-'), coalesce(duration_s::text, '-'), source)
            FROM lrs.content_items WHERE course_id = 'c-cs-1' ORDER BY id
            """);
        var activity = await _host.QueryAsync<string>(
            """
            SELECT concat_ws('|', user_id, course_id, coalesce(content_item_id, '-'), day, events, raw_rows, coalesce(minutes::text, '-'), source)
            FROM lrs.activity_days WHERE course_id = 'c-cs-1' ORDER BY user_id, day, content_item_id NULLS FIRST
            """);
        var contributions = await _host.QueryAsync<string>(
            """
            SELECT concat_ws('|', user_id, content_item_id, kind, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), source)
            FROM lrs.content_contributions WHERE user_id LIKE 'cs-%' ORDER BY user_id
            """);

        Assert.Multiple(() =>
        {
            Assert.That(content, Is.EqualTo(new[]
            {
                "ci-cs-1|c-cs-1|c-cs-1-t01|Welcome video|video|-|manual|300|upstream",
                "ci-cs-2|c-cs-1|-|Podcast episode|other|Podcast|ai|-|upstream",
                "ci-cs-3|c-cs-1|c-cs-1-t02|Reading|article|html|-|0|upstream",
                "ci-cs-4|c-cs-1|c-cs-1-t02|-|quiz|-|-|600|upstream",
            }), "an unknown type is other with the raw type kept; ci-cs-4 comes from the second page");
            Assert.That(activity, Is.EqualTo(new[]
            {
                "cs-learner-1|c-cs-1|-|2025-10-26|2|1|0|upstream",
                "cs-learner-1|c-cs-1|ci-cs-1|2025-10-26|14|1|25|upstream",
                "cs-learner-2|c-cs-1|ci-cs-1|2025-09-30|1|1|-|upstream",
                "cs-learner-2|c-cs-1|ci-cs-2|2025-10-25|3|1|1440|upstream",
            }), "minutes = ⌊seconds / 60⌋ capped at 1440; no seconds, no minutes");
            Assert.That(contributions, Is.EqualTo(new[]
            {
                "cs-learner-1|ci-cs-1|created|2025-10-20T10:00:00.000000|upstream",
                "cs-learner-2|ci-cs-2|shared|2025-10-21T11:00:00.500000|upstream",
            }));
        });
    }

    [Test]
    [DependsOnTest(nameof(Sync_MapsEveryFieldOfContentUsageAndContributions), AllowFailure = true)]
    public void Sync_ReadsUsagePageByPageUntilTheCursorIsNull_WithoutADateWindowWhenIncremental()
    {
        var calls = _firstCalls.Select(e => e.RequestMessage)
            .Where(r => r.Path == "/content-studio/api/v1/organizations/org-cs-1/usage/daily").ToArray();

        Assert.That(calls, Has.Length.EqualTo(2));
        Assert.Multiple(() =>
        {
            Assert.That(calls[1].Query!["cursor"].Single(), Is.EqualTo("dXNhZ2U6cGFnZTI"));
            Assert.That(calls.Any(c => c.Query!.ContainsKey("from") || c.Query.ContainsKey("to")), Is.False);
        });
    }

    [Test]
    [DependsOnTest(nameof(Sync_ReadsUsagePageByPageUntilTheCursorIsNull_WithoutADateWindowWhenIncremental), AllowFailure = true)]
    public async Task Sync_StoresTheOtherItemsOfAPageAndRejectsTheBadOneWithAReason()
    {
        var stored = await _host.ScalarAsync<long>("SELECT count(*) FROM lrs.activity_days WHERE course_id = 'c-cs2-1'");
        var rejects = await _host.QueryAsync<string>(
            "SELECT concat_ws('|', entity, record_key, scope, reason) FROM ops.sync_rejects WHERE source = 'upstream' ORDER BY record_key");

        Assert.Multiple(() =>
        {
            Assert.That(stored, Is.EqualTo(19));
            Assert.That(rejects, Is.EqualTo(new[]
            {
                "activity_days|activity_days:not an id!|2025-10-07|c-cs2-1||org-cs-2|invalid or missing userId, courseId or contentId",
            }));
        });
    }

    [Test]
    [DependsOnTest(nameof(Sync_StoresTheOtherItemsOfAPageAndRejectsTheBadOneWithAReason), AllowFailure = true)]
    public async Task SecondIdenticalPass_WritesNothing()
    {
        var result = await _host.Sync.RunAsync(new SyncRequest(SyncMode.Incremental), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo("completed"), string.Join("; ", result.Failures));
            Assert.That(result.RowsWritten, Is.Zero);
            Assert.That(result.RowsDeleted, Is.Zero);
        });
    }

    [Test]
    [DependsOnTest(nameof(SecondIdenticalPass_WritesNothing), AllowFailure = true)]
    public async Task ItemsWithDeletedAt_DeleteTheirRows()
    {
        _overrides.Serve(Service, "organizations/org-cs-1/content", "content.tombstones.page1.json");
        _overrides.Serve(Service, "organizations/org-cs-1/usage/daily", "usage-daily.tombstones.page1.json");
        _overrides.Serve(Service, "organizations/org-cs-1/contributions", "contributions.tombstones.page1.json");

        var result = await _host.Sync.RunAsync(new SyncRequest(SyncMode.Incremental), CancellationToken.None);

        var content = await _host.QueryAsync<string>("SELECT id FROM lrs.content_items WHERE course_id = 'c-cs-1' ORDER BY id");
        var activity = await _host.QueryAsync<string>(
            """
            SELECT concat_ws('|', user_id, coalesce(content_item_id, '-'), day) FROM lrs.activity_days WHERE course_id = 'c-cs-1'
            ORDER BY user_id, day, content_item_id
            """);
        var contributions = await _host.QueryAsync<string>(
            "SELECT user_id || ':' || kind FROM lrs.content_contributions WHERE user_id LIKE 'cs-%' ORDER BY 1");
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo("completed"), string.Join("; ", result.Failures));
            Assert.That(result.RowsDeleted, Is.EqualTo(3));
            Assert.That(content, Is.EqualTo(new[] { "ci-cs-1", "ci-cs-2", "ci-cs-3" }));
            Assert.That(activity, Is.EqualTo(new[]
            {
                "cs-learner-1|ci-cs-1|2025-10-26", "cs-learner-2|ci-cs-1|2025-09-30", "cs-learner-2|ci-cs-2|2025-10-25",
            }), "the day without content item is gone, the same day's content row stays");
            Assert.That(contributions, Is.EqualTo(new[] { "cs-learner-1:created" }));
        });
    }

    [Test]
    [DependsOnTest(nameof(ItemsWithDeletedAt_DeleteTheirRows), AllowFailure = true)]
    public async Task FullReconcile_ReadsUsageByWindow_AndDeletesOnlyUnlistedRowsFromItsFirstDay()
    {
        _overrides.Serve(Service, "organizations/org-cs-3/content", "content.reconcile-full.page1.json");
        _overrides.Serve(Service, "organizations/org-cs-3/usage/daily", "usage-daily.reconcile-full.page1.json");
        _overrides.Serve(Service, "organizations/org-cs-3/contributions", "contributions.reconcile-full.page1.json");
        var before = await _host.ScalarAsync<long>("SELECT count(*) FROM lrs.activity_days WHERE course_id = 'c-cs3-1'");
        var calls = _host.Server.LogEntries.Count;

        var result = await _host.Sync.RunAsync(new SyncRequest(SyncMode.Full, OrganisationId: "org-cs-3"), CancellationToken.None);

        var usage = _host.Server.LogEntries.Skip(calls).Select(e => e.RequestMessage)
            .Single(r => r.Path == "/content-studio/api/v1/organizations/org-cs-3/usage/daily");
        var content = await _host.QueryAsync<string>("SELECT id FROM lrs.content_items WHERE course_id = 'c-cs3-1' ORDER BY id");
        var activity = await _host.QueryAsync<string>(
            "SELECT concat_ws('|', coalesce(content_item_id, '-'), day) FROM lrs.activity_days WHERE course_id = 'c-cs3-1' ORDER BY day");
        var contributions = await _host.QueryAsync<string>("SELECT kind FROM lrs.content_contributions WHERE user_id = 'cs3-learner-1' ORDER BY 1");
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Multiple(() =>
        {
            Assert.That(before, Is.EqualTo(3));
            Assert.That(result.Status, Is.EqualTo("completed"), string.Join("; ", result.Failures));
            Assert.That(usage.Query!["from"].Single(), Is.EqualTo("2025-10-01"));
            Assert.That(usage.Query["to"].Single(), Is.EqualTo(today));
            Assert.That(usage.Query.ContainsKey("updatedSince"), Is.False);
            Assert.That(content, Is.EqualTo(new[] { "ci-cs3-1" }));
            Assert.That(activity, Is.EqualTo(new[] { "ci-cs3-1|2025-09-20", "ci-cs3-1|2025-10-10" }),
                "2025-10-11 is in the window and no longer listed; 2025-09-20 is before it and kept");
            Assert.That(contributions, Is.EqualTo(new[] { "created" }));
        });
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_host.ConnectionString);
        await connection.OpenAsync();
        await Dapper.SqlMapper.ExecuteAsync(connection, sql);
    }
}
