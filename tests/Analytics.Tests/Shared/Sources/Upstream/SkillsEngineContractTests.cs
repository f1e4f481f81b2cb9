using System.Text.Json.Nodes;
using Analytics.Api.Shared.Sources.Upstream;

namespace Analytics.Tests.Shared.Sources.Upstream;

/// <summary>
/// Skills Engine `skills` (platform, with `prerequisites` as a replace-set per skill), `skill-mappings` (read per organisation)
/// and `user-skills` against their recorded pages (SOURCES.md §3.3, §3.7). The organisation, people and courses come from SQL.
/// </summary>
public sealed class SkillsEngineContractTests : UpstreamContractFixture
{
    private const string Skills = "skills";
    private const string Mappings = "skill-mappings";
    private const string UserSkills = "organizations/org-up-1/user-skills";

    protected override string Database => "upstream_skills_engine_tests";

    protected override UpstreamService Service => UpstreamServices.SkillsEngine;

    protected override IReadOnlyList<RecordedListing> Listings { get; } =
    [
        new(Skills, "skills", "c2stc3RhdHM"),
        new(Mappings, "skill-mappings", "bWFwLTM"),
        new(UserSkills, "user-skills", "dXMtMw"),
    ];

    protected override IReadOnlyDictionary<string, string> RowQueries { get; } = new Dictionary<string, string>
    {
        // The crowd skills of the SQL seed are not the Skills Engine's.
        ["skills"] = """
            SELECT concat_ws('|', id, name, coalesce(category, '-'), coalesce(market_demand::text, '-'), source)
            FROM lrs.skills WHERE source = 'upstream' ORDER BY id
            """,
        ["skill_prerequisites"] = """
            SELECT concat_ws('|', skill_id, requires_skill_id, source) FROM lrs.skill_prerequisites ORDER BY skill_id, requires_skill_id
            """,
        ["course_skills"] = "SELECT concat_ws('|', course_id, skill_id, source) FROM lrs.course_skills ORDER BY course_id, skill_id",
        ["topic_skills"] = "SELECT concat_ws('|', topic_id, skill_id, source) FROM lrs.topic_skills ORDER BY topic_id, skill_id",
        ["user_skills"] = """
            SELECT concat_ws('|', user_id, skill_id, level, acquired, coalesce(acquired_on::text, '-'), coalesce(method, '-'), source)
            FROM lrs.user_skills ORDER BY user_id, skill_id
            """,
    };

    [Test]
    public void Sync_MapsEverySkillField_AndItsPrerequisites()
    {
        Assert.Multiple(() =>
        {
            // A market demand of 120 is out of 0–100 and stored as null.
            Assert.That(Stored("skills"), Is.EqualTo(new[]
            {
                "sk-ml|Machine learning|data|70|upstream",
                "sk-python|Python|programming|-|upstream",
                "sk-sql|SQL|data|85|upstream",
                "sk-stats|Statistics|-|-|upstream",
            }));
            // sk-stats lists itself and an invalid id as prerequisites: both are dropped.
            Assert.That(Stored("skill_prerequisites"), Is.EqualTo(new[]
            {
                "sk-ml|sk-python|upstream",
                "sk-ml|sk-stats|upstream",
                "sk-python|sk-sql|upstream",
                "sk-stats|sk-python|upstream",
                "sk-stats|sk-sql|upstream",
            }));
        });
    }

    [Test]
    public void Sync_MapsSkillMappings_ToCourseSkillsAndTopicSkills()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Stored("course_skills"), Is.EqualTo(new[] { "c-up-1|sk-sql|upstream", "c-up-2|sk-stats|upstream" }));
            Assert.That(Stored("topic_skills"), Is.EqualTo(new[] { "c-up-1-t1|sk-sql|upstream", "c-up-1-t2|sk-python|upstream", "c-up-2-t1|sk-ml|upstream" }));
        });
    }

    [Test]
    public void Sync_ReadsSkillMappingsForTheOrganisation()
    {
        var calls = Host.Server.LogEntries.Select(e => e.RequestMessage).Where(r => r.Path == "/skills-engine/api/v1/skill-mappings").ToArray();

        Assert.That(calls, Is.Not.Empty);
        Assert.That(calls.Select(c => c.Query!["organizationId"].Single()), Is.All.EqualTo("org-up-1"));
    }

    [Test]
    public void Sync_MapsEveryUserSkillField()
    {
        // "Intermediate", 3, "Missing" and "expert"; acquired_on from acquiredAt's UTC date unless acquiredOn is sent.
        Assert.That(Stored("user_skills"), Is.EqualTo(new[]
        {
            "up-learner-1|sk-python|3|t|2025-10-26|course_completion|upstream",
            "up-learner-1|sk-sql|2|f|-|-|upstream",
            "up-learner-2|sk-sql|0|f|-|-|upstream",
            "up-learner-2|sk-stats|4|t|2025-05-02|assessment_pass|upstream",
        }));
    }

    [Test]
    public async Task SkillSentAgainWithOnePrerequisiteFewer_LosesExactlyThatPrerequisite()
    {
        var items = RecordedWith("skills", i => Id(i) == "sk-stats", i =>
        {
            i["prerequisites"] = new JsonArray("sk-sql");
            return i;
        });

        var (before, after, _) = await ChangeAsync("skill_prerequisites", Skills, items);

        AssertLost(before, after, "sk-stats|sk-python|");
    }

    [Test]
    public async Task Tombstone_DeletesTheSkill_AndItsPrerequisitesCascade()
    {
        // Upstream, the skill's mapping goes with it (a mapping to a missing skill would be a reject).
        var mapping = Tombstone(Recorded("skill-mappings").Single(i => Id(i, "skillId") == "sk-ml"));

        var (before, after, _) = await ChangeAsync(
            "skills", Skills, [Tombstone(Recorded("skills").Single(i => Id(i) == "sk-ml"))], also: (Mappings, [mapping]));
        var prerequisites = await RowsAsync("skill_prerequisites");

        AssertLost(before, after, "sk-ml|");
        Assert.That(prerequisites, Has.None.StartsWith("sk-ml|"));
    }

    [Test]
    public async Task Tombstone_DeletesTheSkillMapping()
    {
        var (before, after, _) = await ChangeAsync(
            "topic_skills", Mappings, [Tombstone(Recorded("skill-mappings").Single(i => Id(i, "moduleId") == "c-up-1-t2"))]);

        AssertLost(before, after, "c-up-1-t2|sk-python|");
    }

    [Test]
    public async Task Tombstone_DeletesTheUserSkill()
    {
        var (before, after, _) = await ChangeAsync(
            "user_skills", UserSkills,
            [Tombstone(Recorded("user-skills").Single(i => Id(i, "userId") == "up-learner-2" && Id(i, "skillId") == "sk-stats"))]);

        AssertLost(before, after, "up-learner-2|sk-stats|");
    }

    [Test]
    public async Task FullReconcile_DeletesTheSkillMappingsNoLongerListed()
    {
        var items = RecordedWith("skill-mappings", i => Id(i, "courseId") == "c-up-2", _ => null);

        var (before, after, _) = await ChangeAsync("course_skills", Mappings, items, SyncMode.Full);
        var topics = await RowsAsync("topic_skills");

        AssertLost(before, after, "c-up-2|sk-stats|");
        Assert.That(topics, Is.EqualTo(new[] { "c-up-1-t1|sk-sql|upstream", "c-up-1-t2|sk-python|upstream" }), "c-up-2-t1|sk-ml is gone too");
    }

    [Test]
    public async Task FullReconcile_DeletesTheUserSkillNoLongerListed()
    {
        var items = RecordedWith("user-skills", i => Id(i, "userId") == "up-learner-1" && Id(i, "skillId") == "sk-sql", _ => null);

        var (before, after, _) = await ChangeAsync("user_skills", UserSkills, items, SyncMode.Full);

        AssertLost(before, after, "up-learner-1|sk-sql|");
    }

    [Test]
    public async Task SkillWithAnInvalidId_IsRejected_AndTheRestOfItsPageIsStored()
    {
        var items = Enumerable.Range(1, 24).Select(k => (JsonNode)new JsonObject
        {
            ["id"] = k == 3 ? "sk page 03" : $"sk-page-{k:D2}",
            ["name"] = $"Page skill {k}",
            ["category"] = "crowd",
            ["marketDemand"] = k,
            ["prerequisites"] = new JsonArray("sk-sql"),
            ["updatedAt"] = "2025-10-27T02:30:00Z",
        }).ToList();

        var result = await ServePageAsync(Skills, items);

        var stored = await Host.ScalarAsync<long>("SELECT count(*) FROM lrs.skills WHERE id LIKE 'sk-page-%'");
        var reason = await RejectReasonAsync("skills", "skills:sk page 03");
        AssertOneRejected(result, stored, 23, reason, Is.EqualTo("invalid or missing id"));
    }

    [Test]
    public async Task SkillMappingWithAnInvalidModule_IsRejected_AndTheRestOfItsPageIsStored()
    {
        var items = Enumerable.Range(1, 24).Select(k => (JsonNode)new JsonObject
        {
            ["courseId"] = "c-up-2",
            ["moduleId"] = k == 13 ? "no such module!" : null,
            ["skillId"] = $"sk-crowd-{k:D2}",
            ["updatedAt"] = "2025-10-27T02:30:00Z",
        }).ToList();

        var result = await ServePageAsync(Mappings, items);

        var stored = await Host.ScalarAsync<long>("SELECT count(*) FROM lrs.course_skills WHERE skill_id LIKE 'sk-crowd-%'");
        var reason = await RejectReasonAsync("course_skills", "course_skills:no such module!|sk-crowd-13");
        AssertOneRejected(result, stored, 23, reason, Is.EqualTo("invalid or missing skillId, courseId or moduleId"));
    }

    [Test]
    public async Task UserSkillOfAnUnknownLevel_IsRejected_AndTheRestOfItsPageIsStored()
    {
        var items = Enumerable.Range(1, 24).Select(k => (JsonNode)new JsonObject
        {
            ["userId"] = $"up-crowd-{k:D2}",
            ["skillId"] = "sk-sql",
            ["level"] = k == 17 ? "Guru" : "Beginner",
            ["acquired"] = true,
            ["acquiredAt"] = "2025-10-01T10:00:00Z",
            ["acquiredOn"] = null,
            ["acquisitionMethod"] = "self_assessment",
            ["updatedAt"] = "2025-10-27T02:30:00Z",
        }).ToList();

        var result = await ServePageAsync(UserSkills, items);

        var stored = await Host.ScalarAsync<long>("SELECT count(*) FROM lrs.user_skills WHERE user_id LIKE 'up-crowd-%'");
        var reason = await RejectReasonAsync("user_skills", "user_skills:up-crowd-17|sk-sql");
        AssertOneRejected(result, stored, 23, reason, Does.StartWith("level \"Guru\""));
    }

    protected override async Task SeedAsync(string connectionString)
    {
        await UpstreamSeed.PeopleAndCoursesAsync(connectionString);
        await UpstreamSeed.SkillsAsync(connectionString, named: false);
    }
}
