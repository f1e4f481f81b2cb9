using System.Text.Json.Nodes;
using Analytics.Api.Shared.Sources.Upstream;

namespace Analytics.Tests.Shared.Sources.Upstream;

/// <summary>
/// Auth `sessions` against its recorded pages (SOURCES.md §3.3, §3.7): successful logins only, the duration from `durationSeconds`
/// or the end, clamped to a day; sessions is partitioned without foreign keys, so the month partitions and the users are checked
/// by the writer. The key of a session holds its instant to the microsecond, and the reconcile builds the same key.
/// </summary>
public sealed class AuthContractTests : UpstreamContractFixture
{
    private const string Sessions = "organizations/org-up-1/sessions";

    protected override string Database => "upstream_auth_tests";

    protected override UpstreamService Service => UpstreamServices.Auth;

    protected override IReadOnlyList<RecordedListing> Listings { get; } = [new(Sessions, "sessions", "cy00")];

    protected override IReadOnlyDictionary<string, string> RowQueries { get; } = new Dictionary<string, string>
    {
        ["sessions"] = """
            SELECT concat_ws('|', user_id, started_at AT TIME ZONE 'UTC', coalesce(duration_s::text, '-'), source)
            FROM lrs.sessions ORDER BY user_id, started_at
            """,
    };

    [Test]
    public void Sync_MapsEverySessionField_AndSkipsFailedLogins()
    {
        // s-up-2: no durationSeconds, so ended − started; s-up-3: 90,000 s clamped to a day; s-up-4 failed and is not stored;
        // s-up-5: neither a duration nor an end. Three months: each row needed its partition first.
        Assert.That(Stored("sessions"), Is.EqualTo(new[]
        {
            "up-learner-1|2025-10-25 07:00:00.123456|1800|upstream",
            "up-learner-1|2025-10-26 18:02:11|2269|upstream",
            "up-learner-2|2025-09-30 23:59:00|86400|upstream",
            "up-trainer-1|2025-08-15 12:00:00|-|upstream",
        }));
    }

    [Test]
    public async Task Tombstone_DeletesTheSession()
    {
        var (before, after, result) = await ChangeAsync("sessions", Sessions, [Tombstone(Recorded("sessions").Single(i => Id(i) == "s-up-2"))]);

        Assert.That(result.RowsDeleted, Is.EqualTo(1));
        AssertLost(before, after, "up-learner-1|2025-10-25 07:00:00.123456|");
    }

    [Test]
    public async Task FullReconcile_DeletesTheSessionNoLongerListed_AndKeepsTheListedOnes()
    {
        var (before, after, _) = await ChangeAsync("sessions", Sessions, RecordedWith("sessions", i => Id(i) == "s-up-2", _ => null), SyncMode.Full);

        AssertLost(before, after, "up-learner-1|2025-10-25 07:00:00.123456|");
    }

    [Test]
    public async Task SessionOfAnInvalidUser_IsRejected_AndTheRestOfItsPageIsStored()
    {
        var items = Enumerable.Range(1, 24).Select(k => (JsonNode)new JsonObject
        {
            ["id"] = $"s-crowd-{k:D2}",
            ["userId"] = k == 9 ? "not a user!" : "up-crowd-01",
            ["startedAt"] = $"2025-07-01T{k - 1:D2}:10:00Z",
            ["endedAt"] = null,
            ["durationSeconds"] = 600,
            ["successful"] = true,
            ["updatedAt"] = "2025-10-27T02:30:00Z",
        }).ToList();

        var result = await ServePageAsync(Sessions, items);

        var stored = await Host.ScalarAsync<long>(
            "SELECT count(*) FROM lrs.sessions WHERE user_id = 'up-crowd-01' AND started_at::date = DATE '2025-07-01'");
        var reason = await RejectReasonAsync("sessions", "sessions:not a user!|s-crowd-09");
        AssertOneRejected(result, stored, 23, reason, Is.EqualTo("invalid or missing userId or startedAt"));
    }

    [Test]
    public async Task OneLoginSentTwiceInAPage_IsOneSession_WithTheLaterItem()
    {
        JsonObject Login(string id, int seconds) => new()
        {
            ["id"] = id,
            ["userId"] = "up-crowd-02",
            ["startedAt"] = "2025-06-10T10:00:00Z",
            ["durationSeconds"] = seconds,
            ["successful"] = true,
            ["updatedAt"] = "2025-10-27T02:30:00Z",
        };
        ServeRecorded();
        Host.ServeJson(Service, Sessions, ContractPages.Page([Login("s-dup-1", 60), Login("s-dup-2", 120)]), priority: 1);

        var result = await SyncAsync();

        var rows = await Host.QueryAsync<string>(
            "SELECT concat_ws('|', user_id, started_at AT TIME ZONE 'UTC', duration_s) FROM lrs.sessions WHERE user_id = 'up-crowd-02'");
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo("completed"), string.Join("; ", result.Failures));
            Assert.That(rows, Is.EqualTo(new[] { "up-crowd-02|2025-06-10 10:00:00|120" }));
        });
    }

    protected override async Task SeedAsync(string connectionString) => await UpstreamSeed.PeopleAndCoursesAsync(connectionString);
}
