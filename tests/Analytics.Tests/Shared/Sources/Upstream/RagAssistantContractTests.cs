using System.Text.Json.Nodes;
using Analytics.Api.Shared.Sources.Upstream;

namespace Analytics.Tests.Shared.Sources.Upstream;

/// <summary>RAG Assistant `help-requests` against its recorded pages (SOURCES.md §3.3, §3.7): metadata only.</summary>
public sealed class RagAssistantContractTests : UpstreamContractFixture
{
    private const string HelpRequests = "organizations/org-up-1/help-requests";

    protected override string Database => "upstream_rag_assistant_tests";

    protected override UpstreamService Service => UpstreamServices.RagAssistant;

    protected override IReadOnlyList<RecordedListing> Listings { get; } = [new(HelpRequests, "help-requests", "aC0y")];

    protected override IReadOnlyDictionary<string, string> RowQueries { get; } = new Dictionary<string, string>
    {
        ["help_requests"] = """
            SELECT concat_ws('|', id, user_id, coalesce(course_id, '-'), asked_at AT TIME ZONE 'UTC', source) FROM lrs.help_requests ORDER BY id
            """,
    };

    [Test]
    public void Sync_MapsEveryHelpRequestField_AndNoQuestion()
    {
        // h-up-2 carries a question the contract does not define: it is ignored (there is no column for it).
        Assert.That(Stored("help_requests"), Is.EqualTo(new[]
        {
            "h-up-1|up-learner-1|c-up-1|2025-10-24 20:01:00|upstream",
            "h-up-2|up-learner-2|-|2025-10-25 08:00:00|upstream",
            "h-up-3|up-trainer-1|c-up-2|2025-10-26 12:30:00|upstream",
        }));
    }

    [Test]
    public async Task Tombstone_DeletesTheHelpRequest()
    {
        var (before, after, _) = await ChangeAsync("help_requests", HelpRequests, [Tombstone(Recorded("help-requests").Single(i => Id(i) == "h-up-1"))]);

        AssertLost(before, after, "h-up-1|");
    }

    [Test]
    public async Task FullReconcile_DeletesTheHelpRequestNoLongerListed()
    {
        var (before, after, _) = await ChangeAsync(
            "help_requests", HelpRequests, RecordedWith("help-requests", i => Id(i) == "h-up-3", _ => null), SyncMode.Full);

        AssertLost(before, after, "h-up-3|");
    }

    [Test]
    public async Task HelpRequestWithoutAskedAt_IsRejected_AndTheRestOfItsPageIsStored()
    {
        var items = Enumerable.Range(1, 24).Select(k => (JsonNode)new JsonObject
        {
            ["id"] = $"h-crowd-{k:D2}",
            ["userId"] = $"up-crowd-{k:D2}",
            ["courseId"] = "c-up-1",
            ["askedAt"] = k == 19 ? null : "2025-10-24T10:00:00Z",
            ["updatedAt"] = "2025-10-27T02:30:00Z",
        }).ToList();

        var result = await ServePageAsync(HelpRequests, items);

        var stored = await Host.ScalarAsync<long>("SELECT count(*) FROM lrs.help_requests WHERE id LIKE 'h-crowd-%'");
        var reason = await RejectReasonAsync("help_requests", "help_requests:h-crowd-19");
        AssertOneRejected(result, stored, 23, reason, Is.EqualTo("invalid or missing userId, courseId or askedAt"));
    }

    protected override async Task SeedAsync(string connectionString) => await UpstreamSeed.PeopleAndCoursesAsync(connectionString);
}
