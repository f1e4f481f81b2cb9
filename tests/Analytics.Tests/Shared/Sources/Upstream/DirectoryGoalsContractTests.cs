using System.Text.Json.Nodes;
using Analytics.Api.Shared.Sources.Upstream;

namespace Analytics.Tests.Shared.Sources.Upstream;

/// <summary>
/// Directory `kpis`, `value-propositions` (→ skill_targets) and `mentoring` (→ mentoring_links) against their recorded pages
/// (SOURCES.md §3.3, §3.7). The organisation and people come from the Directory's own recorded pages, the skills from SQL.
/// </summary>
public sealed class DirectoryGoalsContractTests : UpstreamContractFixture
{
    private const string Kpis = "organizations/org-up-1/kpis";
    private const string ValuePropositions = "organizations/org-up-1/value-propositions";
    private const string Mentoring = "organizations/org-up-1/mentoring";

    protected override string Database => "upstream_directory_goals_tests";

    protected override UpstreamService Service => UpstreamServices.Directory;

    protected override IReadOnlyList<RecordedListing> Listings { get; } =
    [
        new(Kpis, "kpis", "a3BpLTI"),
        new(ValuePropositions, "value-propositions", "c3QtMg"),
        new(Mentoring, "mentoring", "bS0y"),
    ];

    protected override IReadOnlyDictionary<string, string> RowQueries { get; } = new Dictionary<string, string>
    {
        ["kpis"] = """
            SELECT concat_ws('|', id, organisation_id, name, coalesce(unit, '-'), target, coalesce(value::text, '-'), weight, period, source)
            FROM lrs.kpis ORDER BY id
            """,
        ["skill_targets"] = """
            SELECT concat_ws('|', id, organisation_id, coalesce(department_id, '-'), skill_id, required_level, business_priority,
                             coalesce(value_proposition, '-'), coalesce(career_impact::text, '-'), source)
            FROM lrs.skill_targets ORDER BY id
            """,
        ["mentoring_links"] = """
            SELECT concat_ws('|', mentor_id, mentee_id, started_on, coalesce(ended_on::text, '-'), source)
            FROM lrs.mentoring_links ORDER BY mentor_id, mentee_id, started_on
            """,
    };

    [Test]
    public void Sync_MapsEveryKpiField()
    {
        Assert.That(Stored("kpis"), Is.EqualTo(new[]
        {
            "kpi-up-1|org-up-1|Time to competency|days|30.0000|42.5000|2.000|2025-Q4|upstream",
            "kpi-up-2|org-up-1|Certified engineers|%|80.0000|-|1.000|2025-Q4|upstream",
            "kpi-up-3|org-up-1|Course completion|-|0.7500|0.6000|0.500|2025|upstream",
        }));
    }

    [Test]
    public void Sync_MapsEveryValuePropositionField_ToSkillTargets()
    {
        // Level 3, "Expert" and "beginner"; "High" is high; a career impact of 25 is out of 0–20 and stored as null.
        Assert.That(Stored("skill_targets"), Is.EqualTo(new[]
        {
            "st-up-1|org-up-1|-|sk-sql|3|critical|Every analyst writes SQL|12|upstream",
            "st-up-2|org-up-1|dept-up-eng|sk-python|4|high|-|-|upstream",
            "st-up-3|org-up-1|dept-up-ops|sk-stats|1|low|Reads a dashboard|0|upstream",
        }));
    }

    [Test]
    public void Sync_MapsEveryMentoringField()
    {
        Assert.That(Stored("mentoring_links"), Is.EqualTo(new[]
        {
            "up-admin-1|up-learner-1|2025-09-01|-|upstream",
            "up-admin-1|up-trainer-1|2025-10-01|-|upstream",
            "up-trainer-1|up-learner-1|2025-03-01|2025-06-30|upstream",
        }));
    }

    [Test]
    public async Task Tombstone_DeletesTheKpi()
    {
        var (before, after, result) = await ChangeAsync("kpis", Kpis, [Tombstone(Recorded("kpis").Single(i => Id(i) == "kpi-up-2"))]);

        Assert.That(result.RowsDeleted, Is.EqualTo(1));
        AssertLost(before, after, "kpi-up-2|");
    }

    [Test]
    public async Task Tombstone_DeletesTheSkillTarget()
    {
        var (before, after, _) = await ChangeAsync(
            "skill_targets", ValuePropositions, [Tombstone(Recorded("value-propositions").Single(i => Id(i) == "st-up-3"))]);

        AssertLost(before, after, "st-up-3|");
    }

    [Test]
    public async Task Tombstone_DeletesTheMentoringLink()
    {
        var (before, after, _) = await ChangeAsync(
            "mentoring_links", Mentoring, [Tombstone(Recorded("mentoring").Single(i => Id(i) == "m-up-2"))]);

        AssertLost(before, after, "up-trainer-1|up-learner-1|2025-03-01|");
    }

    [Test]
    public async Task FullReconcile_DeletesTheKpiNoLongerListed()
    {
        var (before, after, _) = await ChangeAsync("kpis", Kpis, RecordedWith("kpis", i => Id(i) == "kpi-up-1", _ => null), SyncMode.Full);

        AssertLost(before, after, "kpi-up-1|");
    }

    [Test]
    public async Task FullReconcile_DeletesTheSkillTargetNoLongerListed()
    {
        var (before, after, _) = await ChangeAsync(
            "skill_targets", ValuePropositions, RecordedWith("value-propositions", i => Id(i) == "st-up-2", _ => null), SyncMode.Full);

        AssertLost(before, after, "st-up-2|");
    }

    [Test]
    public async Task FullReconcile_DeletesTheMentoringLinkNoLongerListed()
    {
        var (before, after, _) = await ChangeAsync(
            "mentoring_links", Mentoring, RecordedWith("mentoring", i => Id(i) == "m-up-3", _ => null), SyncMode.Full);

        AssertLost(before, after, "up-admin-1|up-trainer-1|2025-10-01|");
    }

    [Test]
    public async Task KpiWithoutTarget_IsRejected_AndTheRestOfItsPageIsStored()
    {
        var items = Enumerable.Range(1, 24).Select(k => (JsonNode)new JsonObject
        {
            ["id"] = $"kpi-crowd-{k:D2}",
            ["name"] = $"Crowd KPI {k}",
            ["unit"] = "%",
            ["target"] = k == 7 ? null : 50 + k,
            ["value"] = 40,
            ["weight"] = 1,
            ["period"] = "2025-Q4",
            ["updatedAt"] = "2025-10-27T02:30:00Z",
        }).ToList();

        var result = await ServePageAsync(Kpis, items);

        var stored = await Host.ScalarAsync<long>("SELECT count(*) FROM lrs.kpis WHERE id LIKE 'kpi-crowd-%'");
        var reason = await RejectReasonAsync("kpis", "kpis:kpi-crowd-07");
        AssertOneRejected(result, stored, 23, reason, Is.EqualTo("missing target"));
    }

    [Test]
    public async Task ValuePropositionWithUnknownPriority_IsRejected_AndTheRestOfItsPageIsStored()
    {
        var items = Enumerable.Range(1, 24).Select(k => (JsonNode)new JsonObject
        {
            ["id"] = $"st-crowd-{k:D2}",
            ["departmentId"] = null,
            ["skillId"] = $"sk-crowd-{k:D2}",
            ["requiredLevel"] = "Advanced",
            ["businessPriority"] = k == 5 ? "urgent" : "medium",
            ["valueProposition"] = "Crowd target",
            ["careerImpact"] = 5,
            ["updatedAt"] = "2025-10-27T02:30:00Z",
        }).ToList();

        var result = await ServePageAsync(ValuePropositions, items);

        var stored = await Host.ScalarAsync<long>("SELECT count(*) FROM lrs.skill_targets WHERE id LIKE 'st-crowd-%'");
        var reason = await RejectReasonAsync("skill_targets", "skill_targets:st-crowd-05");
        AssertOneRejected(result, stored, 23, reason, Does.Contain("businessPriority 'urgent'"));
    }

    [Test]
    public async Task SelfMentoring_IsRejected_AndTheRestOfItsPageIsStored()
    {
        var items = Enumerable.Range(1, 24).Select(k => (JsonNode)new JsonObject
        {
            ["id"] = $"m-crowd-{k:D2}",
            ["mentorId"] = k == 11 ? "up-trainer-1" : "up-admin-1",
            ["menteeId"] = "up-trainer-1",
            ["startedOn"] = $"2024-01-{k:D2}",
            ["endedOn"] = null,
            ["updatedAt"] = "2025-10-27T02:30:00Z",
        }).ToList();

        var result = await ServePageAsync(Mentoring, items);

        var stored = await Host.ScalarAsync<long>(
            "SELECT count(*) FROM lrs.mentoring_links WHERE started_on BETWEEN DATE '2024-01-01' AND DATE '2024-01-24'");
        var reason = await RejectReasonAsync("mentoring_links", "mentoring_links:up-trainer-1|up-trainer-1|2024-01-11");
        AssertOneRejected(result, stored, 23, reason, Is.EqualTo("a person cannot mentor themselves"));
    }

    protected override async Task SeedAsync(string connectionString) => await UpstreamSeed.SkillsAsync(connectionString, named: true);

    protected override void ServeParents()
    {
        Host.Serve(UpstreamServices.Directory, "organizations", "organizations.page1.json");
        Host.Serve(UpstreamServices.Directory, "organizations/org-up-1/departments", "departments.page1.json");
        Host.Serve(UpstreamServices.Directory, "organizations/org-up-1/users", "users.page1.json");
        Host.Serve(UpstreamServices.Directory, "organizations/org-up-1/users", "users.page2.json", cursor: "eyJrIjoiMjAyNS0xMC0yN1QwMTo1MjoxMFoifQ");
    }
}
