using System.Net;
using System.Text.Json.Nodes;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.LearnerAnalytics.Mastery;

/// <summary>
/// The mastery endpoint end to end on rows written to the store: ANALYTICS.md G4 through SQL (the score-plus-practice fallback read
/// from submissions, assessments, topic_skills and practice_sessions), the pathId filter of API.md §4.1 and the access rules.
/// </summary>
public sealed class MasteryEndpointTests
{
    private const string Org = "ms-org";
    private const string OtherOrg = "ms-other-org";
    private const string Path = "/api/v1/learner/analytics/mastery/";
    private static readonly DateOnly AsOf = new(2025, 3, 14);

    private static string Learner(string id) => TestTokens.Mint(id, ["learner"], Org);

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        await TestStore.OrganisationAsync(Org, AsOf.AddDays(1));
        await TestStore.OrganisationAsync(OtherOrg, AsOf.AddDays(1));
        await TestStore.UserAsync("ms-g4", Org, null, "learner");
        await TestStore.UserAsync("ms-peer", Org, null, "learner");
        await TestStore.UserAsync("ms-trainer", Org, null, "trainer");
        await TestStore.UserAsync("ms-empty", OtherOrg, null, "learner");

        // G4: T = {A, B, C, D} from the organisation's targets. A acquired; B level 2 with 85 on a quiz of a topic teaching B
        // (−20) and a passed practice for B (−10); C level 1; D no row.
        foreach (var skill in new[] { "a", "b", "c", "d" })
        {
            await MasterySeed.SkillAsync($"ms-{skill}", $"MS {skill.ToUpperInvariant()}", skill is "a" or "b" ? "ms-core" : "ms-extra");
            await MasterySeed.TargetAsync(Org, $"ms-{skill}");
        }

        await MasterySeed.LevelAsync("ms-g4", "ms-a", 3, acquiredOn: AsOf.AddDays(-100));
        await MasterySeed.LevelAsync("ms-g4", "ms-b", 2);
        await MasterySeed.LevelAsync("ms-g4", "ms-c", 1);
        await TestStore.CourseAsync("ms-course", Org, topics: 2, AsOf.AddDays(-120), AsOf.AddDays(30), trainerId: "ms-trainer");
        await TestStore.EnrolAsync("ms-g4", "ms-course", AsOf.AddDays(-120));
        await MasterySeed.TopicTeachesAsync("ms-course", 1, "ms-b");
        await MasterySeed.ScoredQuizAsync("ms-quiz", "ms-g4", "ms-course", 1, 85, AsOf.AddDays(-20));
        await MasterySeed.PracticeAsync("ms-practice", "ms-g4", "ms-b", passed: true, AsOf.AddDays(-10));
        // C has a score of 95 but only a failed practice: not mastered.
        await MasterySeed.TopicTeachesAsync("ms-course", 2, "ms-c");
        await MasterySeed.ScoredQuizAsync("ms-quiz-2", "ms-g4", "ms-course", 2, 95, AsOf.AddDays(-5));
        await MasterySeed.PracticeAsync("ms-practice-2", "ms-g4", "ms-c", passed: false, AsOf.AddDays(-4));

        // One path over both topics: topic 1 has a submission only (in progress); topic 2 is completed.
        await MasterySeed.PathAsync("ms-path", "ms-g4", "MS path", "ms-course", 1, 2);
        await TestStore.CompleteTopicAsync("ms-g4", "ms-course", 2, AsOf.AddDays(-3));
        await MasterySeed.PathAsync("ms-peer-path", "ms-peer", "Peer path", "ms-course", 1);
    }

    private static async Task<JsonObject> DataAsync(string query = "")
    {
        using var response = await ApiClient.GetAsync(Path + "ms-g4" + query, Learner("ms-g4"));
        var body = await ApiClient.ReadJsonAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        return body["data"]!.AsObject();
    }

    [Test]
    public async Task Get_G4Learner_ReturnsTheWorkedExample()
    {
        var data = await DataAsync();

        var skills = data["skillCategories"]!.AsArray()
            .SelectMany(c => c!["skills"]!.AsArray())
            .ToDictionary(s => s!["id"]!.GetValue<string>(), s => s!["mastery"]!.GetValue<double>());
        var milestones = data["milestones"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(data["overallMastery"]!.GetValue<double>(), Is.EqualTo(0.5));
            Assert.That(skills, Is.EqualTo(new Dictionary<string, double> { ["ms-a"] = 1, ["ms-b"] = 1, ["ms-c"] = 0.25, ["ms-d"] = 0 }));
            Assert.That(data["skillCategories"]!.AsArray().Select(c => (c!["id"]!.GetValue<string>(), c["mastery"]!.GetValue<double>(), c["progress"]!.GetValue<double>())),
                Is.EqualTo(new[] { ("ms-core", 1.0, 1.0), ("ms-extra", 0.0, 0.125) }));
            Assert.That(milestones.Select(m => (m!["id"]!.GetValue<string>(), m["threshold"]!.GetValue<double>(), m["achieved"]!.GetValue<bool>())),
                Is.EqualTo(new[] { ("foundation", 0.25, true), ("intermediate", 0.5, true), ("advanced", 0.75, false), ("expert", 1.0, false) }));
            // B is mastered from −10 (the later of its two evidence dates), so Intermediate is first reached at the point −7.
            Assert.That(milestones[1]!["date"]!.GetValue<string>(), Is.EqualTo("2025-03-07"));
            Assert.That(milestones[2]!.AsObject().ContainsKey("date") && milestones[2]!["date"] is null, Is.True);
            Assert.That(data["nextMilestone"]!["name"]!.GetValue<string>(), Is.EqualTo("Advanced"));
            Assert.That(data["nextMilestone"]!["progress"]!.GetValue<double>(), Is.EqualTo(0.667));
            Assert.That(data["nextMilestone"]!["remaining"]!.GetValue<double>(), Is.EqualTo(0.333));
            Assert.That(data["masteryHistory"]!.AsArray().Select(p => p!["mastery"]!.GetValue<double>()).TakeLast(3), Is.EqualTo(new[] { 0.25, 0.5, 0.5 }));
            Assert.That(data["masteryHistory"]![11]!["date"]!.GetValue<string>(), Is.EqualTo("2025-03-14"));
            Assert.That(data["paths"]!.AsArray().Select(p => (p!["pathId"]!.GetValue<string>(), p["title"]!.GetValue<string>(), p["mastery"]!.GetValue<double>())),
                Is.EqualTo(new[] { ("ms-path", "MS path", 0.5) }));
            Assert.That(data["topicStatus"]!["mastered"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(data["topicStatus"]!["inProgress"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(data["topicStatus"]!["notStarted"]!.GetValue<int>(), Is.EqualTo(0));
            Assert.That(data["dataStatus"]!.GetValue<string>(), Is.EqualTo("ok"));
            Assert.That(data["notAvailable"]!.AsArray(), Is.Empty);
            Assert.That(data["definitionVersion"]!.GetValue<string>(), Is.EqualTo("mastery@1.0"));
        });
    }

    [Test]
    public async Task Get_G4Learner_SkillTrendIsIncreasingWithRecentEvidenceOrMastery()
    {
        var data = await DataAsync();

        var trends = data["skillCategories"]!.AsArray()
            .SelectMany(c => c!["skills"]!.AsArray())
            .ToDictionary(s => s!["id"]!.GetValue<string>(), s => s!["trend"]!.GetValue<string>());
        Assert.That(trends, Is.EqualTo(new Dictionary<string, string>
        {
            ["ms-a"] = "increasing",
            ["ms-b"] = "increasing",
            ["ms-c"] = "increasing",
            ["ms-d"] = "stable",
        }));
    }

    [Test]
    public async Task Get_WithPathId_LimitsTheTargetSetToThatPath()
    {
        var data = await DataAsync("?pathId=ms-path");

        Assert.Multiple(() =>
        {
            // The path's topics teach B (mastered) and C (level 1).
            Assert.That(data["overallMastery"]!.GetValue<double>(), Is.EqualTo(0.5));
            Assert.That(data["skillCategories"]!.AsArray().SelectMany(c => c!["skills"]!.AsArray()).Select(s => s!["id"]!.GetValue<string>()),
                Is.EqualTo(new[] { "ms-b", "ms-c" }));
            Assert.That(data["paths"]!.AsArray(), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Get_WithAnotherLearnersPathId_Returns403()
    {
        using var response = await ApiClient.GetAsync(Path + "ms-g4?pathId=ms-peer-path", Learner("ms-g4"));

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "ACCESS_DENIED");
    }

    [Test]
    public async Task Get_LearnerWhosePathTeachesNoTargetedSkill_StillCountsTheOrganisationTargets()
    {
        using var response = await ApiClient.GetAsync(Path + "ms-peer", Learner("ms-peer"));
        var data = (await ApiClient.ReadJsonAsync(response))["data"]!.AsObject();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(data["overallMastery"]!.GetValue<double>(), Is.EqualTo(0));
            Assert.That(data["topicStatus"]!["notStarted"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(data["nextMilestone"]!["name"]!.GetValue<string>(), Is.EqualTo("Foundation"));
        });
    }

    [Test]
    public async Task Get_LearnerWithoutTargetSkills_ReturnsTheNoDataShape()
    {
        using var response = await ApiClient.GetAsync(Path + "ms-empty", TestTokens.Mint("ms-empty", ["learner"], OtherOrg));
        var data = (await ApiClient.ReadJsonAsync(response))["data"]!.AsObject();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(data["dataStatus"]!.GetValue<string>(), Is.EqualTo("no-data"));
            Assert.That(data.ContainsKey("overallMastery") && data["overallMastery"] is null, Is.True);
            Assert.That(data.ContainsKey("nextMilestone") && data["nextMilestone"] is null, Is.True);
            Assert.That(data["skillCategories"]!.AsArray(), Is.Empty);
            Assert.That(data["masteryHistory"]!.AsArray(), Is.Empty);
            Assert.That(data["milestones"]!.AsArray(), Is.Empty);
            Assert.That(data["paths"]!.AsArray(), Is.Empty);
            Assert.That(data["topicStatus"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "mastered", "inProgress", "notStarted" }));
        });
    }

    [TestCase("bad%20id", "userId")]
    [TestCase("ms-g4?pathId=no%20such%20path", "pathId")]
    [TestCase("ms-g4?pathId=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "pathId")]
    public async Task Get_WithInvalidParameter_Returns400NamingIt(string pathAndQuery, string parameter)
    {
        using var response = await ApiClient.GetAsync(Path + pathAndQuery, Learner("ms-g4"));

        var body = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.That(body["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { parameter }));
    }
}
