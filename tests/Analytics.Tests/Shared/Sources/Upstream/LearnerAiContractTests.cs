using System.Text.Json.Nodes;
using Analytics.Api.Shared.Sources.Upstream;
using Npgsql;

namespace Analytics.Tests.Shared.Sources.Upstream;

/// <summary>
/// Learner AI `learning-paths` (steps as a replace-set per path) and `recommendations` (one complete set per learner, a replace-set
/// of the learner's `learner-ai` rows) against their recorded pages (SOURCES.md §3.3, §3.7). The `rules` rows this service issues
/// itself are seeded and must survive every Learner AI change.
/// </summary>
public sealed class LearnerAiContractTests : UpstreamContractFixture
{
    private const string Paths = "organizations/org-up-1/learning-paths";
    private const string Recommendations = "organizations/org-up-1/recommendations";

    protected override string Database => "upstream_learner_ai_tests";

    protected override UpstreamService Service => UpstreamServices.LearnerAi;

    protected override IReadOnlyList<RecordedListing> Listings { get; } =
    [
        new(Paths, "learning-paths", "bHAtMg"),
        new(Recommendations, "recommendations", "cmVjLTI"),
    ];

    protected override IReadOnlyDictionary<string, string> RowQueries { get; } = new Dictionary<string, string>
    {
        ["learning_paths"] = """
            SELECT concat_ws('|', id, user_id, title, created_at AT TIME ZONE 'UTC', source) FROM lrs.learning_paths ORDER BY id
            """,
        ["learning_path_topics"] = """
            SELECT concat_ws('|', path_id, position, topic_id, source) FROM lrs.learning_path_topics ORDER BY path_id, position
            """,
        ["recommendations_feed"] = """
            SELECT concat_ws('|', user_id, item_type, item_id, reason, coalesce(score::text, '-'), provider, generated_at AT TIME ZONE 'UTC', source)
            FROM lrs.recommendations_feed ORDER BY user_id, provider, item_type, item_id
            """,
    };

    [Test]
    public void Sync_MapsEveryLearningPathField_AndItsSteps()
    {
        Assert.Multiple(() =>
        {
            // lp-up-3 has no title (its id stands in) and no steps.
            Assert.That(Stored("learning_paths"), Is.EqualTo(new[]
            {
                "lp-up-1|up-learner-1|Data analyst|2025-10-01 08:30:00|upstream",
                "lp-up-2|up-learner-2|SQL basics|2025-09-15 10:00:00|upstream",
                "lp-up-3|up-learner-2|lp-up-3|2025-10-20 10:00:00|upstream",
            }));
            Assert.That(Stored("learning_path_topics"), Is.EqualTo(new[]
            {
                "lp-up-1|0|c-up-1-t1|upstream",
                "lp-up-1|1|c-up-1-t2|upstream",
                "lp-up-1|2|c-up-2-t1|upstream",
                "lp-up-2|1|c-up-1-t1|upstream",
            }));
        });
    }

    [Test]
    public void Sync_MapsEveryRecommendationField_AndKeepsTheRulesRows()
    {
        // up-learner-1's set drops the unknown type "podcast" and the repeated course; a score of 1.5 is out of 0–1 and null.
        Assert.That(Stored("recommendations_feed"), Is.EqualTo(new[]
        {
            "up-learner-1|course|c-up-2|Builds Statistics, a high priority for your organisation|0.9100|learner-ai|2025-10-27 01:59:00|upstream",
            "up-learner-1|skill|sk-stats|Closes your Statistics gap|-|learner-ai|2025-10-27 01:59:00|upstream",
            "up-learner-1|topic|c-up-1-t2|Next step in Intro to SQL|0.7500|learner-ai|2025-10-27 01:59:00|upstream",
            "up-learner-1|course|c-up-1|Finish what you started|0.5000|rules|2025-10-20 00:00:00|analytics",
            "up-learner-1|topic|c-up-1-t2|Your next topic|0.8000|rules|2025-10-20 00:00:00|upstream",
            "up-learner-2|assessment|a-up-1|Try the SQL quiz|-|learner-ai|2025-10-27 01:58:00|upstream",
            "up-learner-2|practice|c-up-1-t1|Practise what you learned in Intro to SQL|0.6000|learner-ai|2025-10-27 01:58:00|upstream",
            "up-trainer-1|plan|lp-up-3|Your plan for this week|0.3333|learner-ai|2025-10-26 02:00:00|upstream",
        }));
    }

    [Test]
    public async Task PathSentAgainWithOneStepFewer_LosesExactlyThatStep()
    {
        var items = RecordedWith("learning-paths", i => Id(i) == "lp-up-1", i =>
        {
            i["steps"] = new JsonArray(
                new JsonObject { ["order"] = 0, ["moduleId"] = "c-up-1-t1" },
                new JsonObject { ["order"] = 2, ["moduleId"] = "c-up-2-t1" });
            return i;
        });

        var (before, after, _) = await ChangeAsync("learning_path_topics", Paths, items);

        AssertLost(before, after, "lp-up-1|1|");
    }

    [Test]
    public async Task RecommendationSetSentAgainWithOneEntryFewer_LosesExactlyThatRow_AndKeepsTheRulesRows()
    {
        var items = RecordedWith("recommendations", i => Id(i, "userId") == "up-learner-1", i =>
        {
            var entries = i["items"]!.AsArray();
            entries.Remove(entries.Single(e => (string?)e!["itemType"] == "topic"));
            return i;
        });

        var (before, after, _) = await ChangeAsync("recommendations_feed", Recommendations, items);

        // The rules row for the same topic stays: only the learner-ai row is gone.
        AssertLost(before, after, "up-learner-1|topic|c-up-1-t2|Next step in Intro to SQL|");
    }

    [Test]
    public async Task Tombstone_DeletesThePath_AndItsStepsCascade()
    {
        var (before, after, _) = await ChangeAsync("learning_paths", Paths, [Tombstone(Recorded("learning-paths").Single(i => Id(i) == "lp-up-2"))]);
        var steps = await RowsAsync("learning_path_topics");

        AssertLost(before, after, "lp-up-2|");
        Assert.That(steps, Has.None.StartsWith("lp-up-2|"));
    }

    [Test]
    public async Task Tombstone_EmptiesTheLearnersLearnerAiSet_AndKeepsTheRulesRows()
    {
        var (before, after, _) = await ChangeAsync(
            "recommendations_feed", Recommendations, [Tombstone(Recorded("recommendations").Single(i => Id(i, "userId") == "up-learner-1"))]);

        Assert.That(after, Is.EqualTo(before.Where(r => !(r.StartsWith("up-learner-1|", StringComparison.Ordinal) && r.Contains("|learner-ai|", StringComparison.Ordinal)))));
        Assert.That(after.Count(r => r.StartsWith("up-learner-1|", StringComparison.Ordinal)), Is.EqualTo(2), "the two rules rows");
    }

    [Test]
    public async Task FullReconcile_DeletesThePathNoLongerListed()
    {
        var (before, after, _) = await ChangeAsync("learning_paths", Paths, RecordedWith("learning-paths", i => Id(i) == "lp-up-3", _ => null), SyncMode.Full);

        AssertLost(before, after, "lp-up-3|");
    }

    [Test]
    public async Task PathWithANegativeStep_IsRejected_AndTheRestOfItsPageIsStored()
    {
        var items = Enumerable.Range(1, 24).Select(k => (JsonNode)new JsonObject
        {
            ["id"] = $"lp-crowd-{k:D2}",
            ["userId"] = "up-crowd-01",
            ["title"] = $"Crowd path {k}",
            ["createdAt"] = "2025-10-02T09:00:00Z",
            ["steps"] = new JsonArray(new JsonObject { ["order"] = k == 21 ? -1 : 0, ["moduleId"] = "c-up-1-t1" }),
            ["updatedAt"] = "2025-10-27T02:30:00Z",
        }).ToList();

        var result = await ServePageAsync(Paths, items);

        var stored = await Host.ScalarAsync<long>("SELECT count(*) FROM lrs.learning_paths WHERE id LIKE 'lp-crowd-%'");
        var reason = await RejectReasonAsync("learning_paths", "learning_paths:lp-crowd-21");
        AssertOneRejected(result, stored, 23, reason, Is.EqualTo("a step without a module or with a negative order"));
    }

    [Test]
    public async Task RecommendationSetWithoutGeneratedAt_IsRejected_AndTheRestOfItsPageIsStored()
    {
        var items = Enumerable.Range(1, 24).Select(k => (JsonNode)new JsonObject
        {
            ["userId"] = $"up-crowd-{k:D2}",
            ["generatedAt"] = k == 2 ? null : "2025-10-27T01:00:00Z",
            ["items"] = new JsonArray(new JsonObject { ["itemType"] = "course", ["itemId"] = "c-up-1", ["reason"] = "Popular", ["score"] = 0.5 }),
            ["updatedAt"] = "2025-10-27T02:30:00Z",
        }).ToList();

        var result = await ServePageAsync(Recommendations, items);

        var stored = await Host.ScalarAsync<long>("SELECT count(*) FROM lrs.recommendations_feed WHERE user_id LIKE 'up-crowd-%'");
        var reason = await RejectReasonAsync("recommendations_feed", "recommendations_feed:up-crowd-02");
        AssertOneRejected(result, stored, 23, reason, Is.EqualTo("missing generatedAt"));
    }

    protected override async Task SeedAsync(string connectionString)
    {
        await UpstreamSeed.PeopleAndCoursesAsync(connectionString);
        // Rows the recommendations rules issue (source 'analytics'); the second has the source 'upstream' on purpose, so the test
        // shows that the provider, not the source, keeps a rules row out of the Learner AI replace-set.
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO lrs.recommendations_feed (user_id, item_type, item_id, reason, score, provider, generated_at, source)
            VALUES ('up-learner-1', 'course', 'c-up-1', 'Finish what you started', 0.5, 'rules', '2025-10-20T00:00:00Z', 'analytics'),
                   ('up-learner-1', 'topic', 'c-up-1-t2', 'Your next topic', 0.8, 'rules', '2025-10-20T00:00:00Z', 'upstream');
            """, connection);
        await command.ExecuteNonQueryAsync();
    }
}
