using System.Text.Json.Nodes;
using Analytics.Api.Shared.Sources.Upstream;

namespace Analytics.Tests.Shared.Sources.Upstream;

/// <summary>DevLab `practice-sessions` against its recorded pages (SOURCES.md §3.3, §3.7).</summary>
public sealed class DevLabContractTests : UpstreamContractFixture
{
    private const string Practice = "organizations/org-up-1/practice-sessions";

    protected override string Database => "upstream_devlab_tests";

    protected override UpstreamService Service => UpstreamServices.DevLab;

    protected override IReadOnlyList<RecordedListing> Listings { get; } = [new(Practice, "practice-sessions", "cHMtMw")];

    protected override IReadOnlyDictionary<string, string> RowQueries { get; } = new Dictionary<string, string>
    {
        ["practice_sessions"] = """
            SELECT concat_ws('|', id, user_id, coalesce(topic_id, '-'), coalesce(skill_id, '-'), started_at AT TIME ZONE 'UTC', passed,
                             coalesce(score_pct::text, '-'), attempts, source)
            FROM lrs.practice_sessions ORDER BY id
            """,
    };

    [Test]
    public void Sync_MapsEveryPracticeSessionField()
    {
        // passed only for status "passed" (any case); a score of 140 is out of 0–100 and null; attempts default to 1.
        Assert.That(Stored("practice_sessions"), Is.EqualTo(new[]
        {
            "ps-up-1|up-learner-1|c-up-1-t1|-|2025-10-20 09:15:00|t|92.50|2|upstream",
            "ps-up-2|up-learner-1|-|sk-sql|2025-10-21 09:15:00|f|-|1|upstream",
            "ps-up-3|up-learner-2|c-up-2-t1|sk-stats|2025-10-22 14:00:00.5|t|70.46|1|upstream",
            "ps-up-4|up-learner-2|-|-|2025-10-23 14:00:00|f|-|3|upstream",
        }));
    }

    [Test]
    public async Task Tombstone_DeletesThePracticeSession()
    {
        var (before, after, _) = await ChangeAsync(
            "practice_sessions", Practice, [Tombstone(Recorded("practice-sessions").Single(i => Id(i) == "ps-up-3"))]);

        AssertLost(before, after, "ps-up-3|");
    }

    [Test]
    public async Task FullReconcile_DeletesThePracticeSessionNoLongerListed()
    {
        var (before, after, _) = await ChangeAsync(
            "practice_sessions", Practice, RecordedWith("practice-sessions", i => Id(i) == "ps-up-1", _ => null), SyncMode.Full);

        AssertLost(before, after, "ps-up-1|");
    }

    [Test]
    public async Task PracticeSessionWithNoAttempts_IsRejected_AndTheRestOfItsPageIsStored()
    {
        var items = Enumerable.Range(1, 24).Select(k => (JsonNode)new JsonObject
        {
            ["id"] = $"ps-crowd-{k:D2}",
            ["userId"] = $"up-crowd-{k:D2}",
            ["moduleId"] = "c-up-1-t1",
            ["skillId"] = "sk-sql",
            ["startedAt"] = "2025-10-24T10:00:00Z",
            ["status"] = "failed",
            ["score"] = 40,
            ["attempts"] = k == 4 ? 0 : 1,
            ["updatedAt"] = "2025-10-27T02:30:00Z",
        }).ToList();

        var result = await ServePageAsync(Practice, items);

        var stored = await Host.ScalarAsync<long>("SELECT count(*) FROM lrs.practice_sessions WHERE id LIKE 'ps-crowd-%'");
        var reason = await RejectReasonAsync("practice_sessions", "practice_sessions:ps-crowd-04");
        AssertOneRejected(result, stored, 23, reason, Is.EqualTo("attempts 0 is out of range"));
    }

    protected override async Task SeedAsync(string connectionString)
    {
        await UpstreamSeed.PeopleAndCoursesAsync(connectionString);
        await UpstreamSeed.SkillsAsync(connectionString, named: true);
    }
}
