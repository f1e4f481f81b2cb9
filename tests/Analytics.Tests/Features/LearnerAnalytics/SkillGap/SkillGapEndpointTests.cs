using System.Net;
using System.Text.Json.Nodes;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.LearnerAnalytics.SkillGap;

/// <summary>
/// The skill-gap endpoint end to end on rows written to the store: ANALYTICS.md G2 through SQL (with the neutral market demand,
/// since skill demand #16 does not exist yet), the department override, the filters of API.md §4.1 and the access rules.
/// </summary>
public sealed class SkillGapEndpointTests
{
    private const string Org = "sg-org";
    private const string OtherOrg = "sg-other-org";
    private const string EmptyOrg = "sg-empty-org";
    private const string Path = "/api/v1/learner/analytics/skill-gap/";
    private static readonly DateOnly AsOf = new(2025, 3, 14);

    private static string Learner(string id) => TestTokens.Mint(id, ["learner"], Org);

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        foreach (var org in new[] { Org, OtherOrg, EmptyOrg })
        {
            await TestStore.OrganisationAsync(org, AsOf.AddDays(1));
        }

        await SkillGapSeed.DepartmentAsync("sg-eng", Org);
        await SkillGapSeed.DepartmentAsync("sg-sales", Org);
        await SkillGapSeed.DepartmentAsync("sg-other-dept", OtherOrg);
        await TestStore.UserAsync("sg-g2", Org, null, "learner");
        await TestStore.UserAsync("sg-peer", Org, null, "learner");
        await TestStore.UserAsync("sg-trainer", Org, null, "trainer");
        await TestStore.UserAsync("sg-empty", EmptyOrg, null, "learner");
        await SkillGapSeed.MoveToDepartmentAsync("sg-g2", "sg-eng");

        await SkillGapSeed.SkillAsync("sg-a", "SG Alpha", "sg-backend");
        await SkillGapSeed.SkillAsync("sg-b", "SG Beta", "sg-frontend");
        await SkillGapSeed.SkillAsync("sg-c", "SG Gamma", "sg-data");

        // G2: A target 3 (high), t = 4 distinct (organisation, department) targets on the platform; B target 2 (low), t = 1.
        await SkillGapSeed.TargetAsync(Org, null, "sg-a", 3, "high");
        await SkillGapSeed.TargetAsync(Org, "sg-sales", "sg-a", 4, "critical");
        await SkillGapSeed.TargetAsync(OtherOrg, null, "sg-a", 2, "low");
        await SkillGapSeed.TargetAsync(OtherOrg, "sg-other-dept", "sg-a", 2, "low");
        await SkillGapSeed.TargetAsync(Org, null, "sg-b", 2, "low");
        // C: the learner's department overrides the org-wide row (4, critical) with (1, low); t = 2.
        await SkillGapSeed.TargetAsync(Org, null, "sg-c", 4, "critical");
        await SkillGapSeed.TargetAsync(Org, "sg-eng", "sg-c", 1, "low");
        foreach (var skill in new[] { "sg-a", "sg-b", "sg-c" })
        {
            await SkillGapSeed.LevelAsync("sg-g2", skill, 1);
        }

        // A precedes the open gap B: one course teaches A at topic 1 and B at topic 2.
        await TestStore.CourseAsync("sg-course", Org, topics: 2, AsOf.AddDays(-60), AsOf.AddDays(60), trainerId: "sg-trainer");
        await SkillGapSeed.TopicTeachesAsync("sg-course", 1, "sg-a");
        await SkillGapSeed.TopicTeachesAsync("sg-course", 2, "sg-b");
        await TestStore.EnrolAsync("sg-g2", "sg-course", AsOf.AddDays(-60));
    }

    private static async Task<JsonObject> DataAsync(string query = "", string userId = "sg-g2")
    {
        using var response = await ApiClient.GetAsync(Path + userId + query, Learner(userId));
        var body = await ApiClient.ReadJsonAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        return body["data"]!.AsObject();
    }

    private static object Row(JsonNode? row) => new
    {
        Id = row!["id"]!.GetValue<string>(),
        Current = row["currentLevel"]!.GetValue<int>(),
        Target = row["targetLevel"]!.GetValue<int>(),
        Gap = row["gap"]!.GetValue<int>(),
        Priority = row["priority"]!.GetValue<int>(),
        Critical = row["isCritical"]!.GetValue<bool>(),
        Business = row["businessImpact"]!.GetValue<int>(),
        Demand = row["marketDemand"]?.GetValue<int>(),
        Prerequisites = row["prerequisites"]!.GetValue<int>(),
        Career = row["careerValue"]!.GetValue<int>(),
    };

    [Test]
    public async Task Get_G2Learner_ReturnsTheWorkedExampleWithNeutralMarketDemand()
    {
        using var response = await ApiClient.GetAsync(Path + "sg-g2", Learner("sg-g2"));
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var data = body["data"]!.AsObject();
        var skills = data["skills"]!.AsArray();
        Assert.Multiple(() =>
        {
            // A: 16.667 + 22.5 + 10 (neutral) + 3 + 2 = 54.17 → 54 (G2 gives 56 with #16's demand 0.60); B: 30.5 → 31.
            Assert.That(skills.Select(Row), Is.EqualTo(new[]
            {
                new { Id = "sg-a", Current = 1, Target = 3, Gap = 2, Priority = 54, Critical = true, Business = 75, Demand = (int?)null, Prerequisites = 20, Career = 20 },
                new { Id = "sg-b", Current = 1, Target = 2, Gap = 1, Priority = 31, Critical = false, Business = 25, Demand = (int?)null, Prerequisites = 0, Career = 5 },
                // C: the department row (1, low) wins over the org-wide (4, critical): 7.5 + 10 + 1 = 18.5 → 19.
                new { Id = "sg-c", Current = 1, Target = 1, Gap = 0, Priority = 19, Critical = false, Business = 25, Demand = (int?)null, Prerequisites = 0, Career = 10 },
            }));
            Assert.That(skills[0]!["name"]!.GetValue<string>(), Is.EqualTo("SG Alpha"));
            Assert.That(skills[0]!["category"]!.GetValue<string>(), Is.EqualTo("sg-backend"));
            Assert.That(skills.All(s => s!.AsObject().ContainsKey("marketDemand")), Is.True);
            Assert.That(data["categories"]!.AsArray().Select(c => c!.GetValue<string>()), Is.EqualTo(new[] { "sg-backend", "sg-data", "sg-frontend" }));
            Assert.That(data["summary"]!["totalTargetSkills"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(data["summary"]!["achieved"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(data["summary"]!["criticalGaps"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(data["summary"]!["averageGap"]!.GetValue<double>(), Is.EqualTo(1.0));
            Assert.That(data["notAvailable"]!.AsArray().Select(p => p!.GetValue<string>()), Is.EqualTo(new[] { "skills[].marketDemand" }));
            Assert.That(data["dataStatus"]!.GetValue<string>(), Is.EqualTo("partial"));
            Assert.That(data["definitionVersion"]!.GetValue<string>(), Is.EqualTo("skill-gap@1.0"));
            Assert.That(data["asOf"]!.GetValue<string>(), Is.EqualTo("2025-03-14"));
            Assert.That(data["isStale"]!.GetValue<bool>(), Is.False);
            Assert.That(data["staleness"]!.GetValue<string>(), Is.EqualTo("fresh"));
            Assert.That(data["source"]!.GetValue<string>(), Is.EqualTo("test"));
            Assert.That(body["meta"]!["definitionVersion"]!.GetValue<string>(), Is.EqualTo("skill-gap@1.0"));
            Assert.That(body["meta"]!["subject"]!["id"]!.GetValue<string>(), Is.EqualTo("sg-g2"));
            Assert.That(body["meta"]!["servedFrom"]!.GetValue<string>(), Is.AnyOf("computed", "memory"));
        });
    }

    [Test]
    public async Task Get_WithCategory_KeepsOnlyThatCategory()
    {
        var data = await DataAsync("?category=sg-frontend");

        Assert.Multiple(() =>
        {
            Assert.That(data["skills"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()), Is.EqualTo(new[] { "sg-b" }));
            Assert.That(data["categories"]!.AsArray().Select(c => c!.GetValue<string>()), Is.EqualTo(new[] { "sg-frontend" }));
            Assert.That(data["summary"]!["totalTargetSkills"]!.GetValue<int>(), Is.EqualTo(1));
        });
    }

    [TestCase("true")]
    [TestCase("TRUE")]
    public async Task Get_WithCriticalOnly_KeepsOnlyCriticalRows(string value)
    {
        var data = await DataAsync("?criticalOnly=" + value);

        Assert.That(data["skills"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()), Is.EqualTo(new[] { "sg-a" }));
    }

    [Test]
    public async Task Get_WithCriticalOnlyFalse_IsTheDefaultView()
    {
        var data = await DataAsync("?criticalOnly=false");

        Assert.That(data["skills"]!.AsArray(), Has.Count.EqualTo(3));
    }

    [Test]
    public async Task Get_LearnerWithoutTargets_ReturnsTheNoDataShape()
    {
        using var response = await ApiClient.GetAsync(Path + "sg-empty", TestTokens.Mint("sg-empty", ["learner"], EmptyOrg));
        var data = (await ApiClient.ReadJsonAsync(response))["data"]!.AsObject();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(data["dataStatus"]!.GetValue<string>(), Is.EqualTo("no-data"));
            Assert.That(data["skills"]!.AsArray(), Is.Empty);
            Assert.That(data["categories"]!.AsArray(), Is.Empty);
            Assert.That(data["summary"]!["totalTargetSkills"]!.GetValue<int>(), Is.EqualTo(0));
            Assert.That(data["summary"]!.AsObject().ContainsKey("averageGap") && data["summary"]!["averageGap"] is null, Is.True);
        });
    }

    [TestCase("bad%20id", "userId")]
    [TestCase("sg-g2?criticalOnly=yes", "criticalOnly")]
    [TestCase("sg-g2?category=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "category")]
    public async Task Get_WithInvalidParameter_Returns400NamingIt(string pathAndQuery, string parameter)
    {
        using var response = await ApiClient.GetAsync(Path + pathAndQuery, Learner("sg-g2"));

        var body = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.That(body["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { parameter }));
    }

    [Test]
    public async Task Get_CategoryOf64Characters_IsAccepted()
    {
        var data = await DataAsync("?category=" + new string('x', 64));

        Assert.That(data["skills"]!.AsArray(), Is.Empty);
    }
}
