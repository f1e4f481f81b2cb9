using System.Net;
using System.Text.Json.Nodes;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.LearnerAnalytics.ContentEffectiveness;

/// <summary>
/// The content-effectiveness endpoint end to end: the hand-computed scenario of <see cref="ContentEffectivenessCalculatorTests"/>
/// written to the store and read through SQL, the filters and period rules of API.md §4.1, and the access rules.
/// </summary>
public sealed class ContentEffectivenessEndpointTests
{
    private const string Org = "ce-org";
    private const string Path = "/api/v1/learner/analytics/content-effectiveness/";
    private static readonly DateOnly AsOf = new(2025, 3, 14);

    private static DateOnly Day(int offset) => AsOf.AddDays(offset);

    private static string Learner(string id) => TestTokens.Mint(id, ["learner"], Org);

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        await TestStore.OrganisationAsync(Org, AsOf.AddDays(1));
        await TestStore.UserAsync("ce-s", Org, null, "learner");
        await TestStore.UserAsync("ce-peer", Org, null, "learner");
        await TestStore.UserAsync("ce-trainer", Org, null, "trainer");
        await TestStore.CourseAsync("ce-c1", Org, topics: 2, Day(-120), Day(30), trainerId: "ce-trainer");
        await TestStore.CourseAsync("ce-c2", Org, topics: 1, Day(-120), Day(30));
        await TestStore.EnrolAsync("ce-s", "ce-c1", Day(-120));

        await ContentEffectivenessSeed.ItemAsync("ce-v1", "ce-c1", 1, "video", "manual", 600);
        await ContentEffectivenessSeed.ItemAsync("ce-a1", "ce-c1", 1, "article", "manual", null, "Reading list");
        await ContentEffectivenessSeed.ItemAsync("ce-v2", "ce-c1", 2, "video", "ai", 300);
        await ContentEffectivenessSeed.ItemAsync("ce-v3", "ce-c1", 2, "video", "ai", 300);
        await ContentEffectivenessSeed.ItemAsync("ce-q1", "ce-c1", null, "quiz", "manual", null);
        await ContentEffectivenessSeed.ItemAsync("ce-f1", "ce-c1", 2, "forum", "ai", null);
        await ContentEffectivenessSeed.ActivityAsync("ce-s", "ce-c1", "ce-v1", Day(-20), 3, 10);
        await ContentEffectivenessSeed.ActivityAsync("ce-s", "ce-c1", "ce-a1", Day(-5), 2, 2);
        await ContentEffectivenessSeed.ActivityAsync("ce-s", "ce-c1", "ce-q1", Day(-50), 1, null);
        await ContentEffectivenessSeed.ActivityAsync("ce-s", "ce-c1", "ce-f1", Day(-7), 4, 3);
        // Activity after asOf is ignored.
        await ContentEffectivenessSeed.ActivityAsync("ce-s", "ce-c1", "ce-v2", Day(1), 5, 5);

        await ContentEffectivenessSeed.AssessmentAsync("ce-as1", "ce-c1", 1);
        await ContentEffectivenessSeed.AssessmentAsync("ce-as2", "ce-c1", 2);
        await ContentEffectivenessSeed.AssessmentAsync("ce-as3", "ce-c1", null);
        await ContentEffectivenessSeed.AssessmentAsync("ce-as4", "ce-c1", null);
        await ContentEffectivenessSeed.SubmissionAsync("ce-as1", "ce-s", 1, Day(-10), 90);
        await ContentEffectivenessSeed.SubmissionAsync("ce-as1", "ce-s", 2, Day(-8), 70);
        await ContentEffectivenessSeed.SubmissionAsync("ce-as2", "ce-s", 1, Day(-6), 30);
        await ContentEffectivenessSeed.SubmissionAsync("ce-as3", "ce-s", 1, Day(-4), 80);
        await ContentEffectivenessSeed.SubmissionAsync("ce-as4", "ce-s", 1, Day(-40), 60);
    }

    private static async Task<JsonObject> DataAsync(string query = "")
    {
        using var response = await ApiClient.GetAsync(Path + "ce-s" + query, Learner("ce-s"));
        var body = await ApiClient.ReadJsonAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        return body["data"]!.AsObject();
    }

    private static IEnumerable<string> Strings(JsonNode? array) => array!.AsArray().Select(n => n!.GetValue<string>());

    [Test]
    public async Task Get_Scenario_ReturnsTheHandComputedValues()
    {
        using var response = await ApiClient.GetAsync(Path + "ce-s", Learner("ce-s"));
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var data = body["data"]!.AsObject();
        var types = data["contentTypes"]!.AsArray();
        var video = types[0]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(data["overallEffectiveness"]!.GetValue<double>(), Is.EqualTo(0.689));
            Assert.That(types.Select(t => (t!["id"]!.GetValue<string>(), t["name"]!.GetValue<string>(), t["effectiveness"]!.GetValue<double>())),
                Is.EqualTo(new[] { ("type-video", "Video", 0.85), ("type-article", "Article", 0.8), ("type-quiz", "Quiz", 0.65), ("type-forum", "Forum", 0.55) }));
            Assert.That(video["completionRate"]!.GetValue<double>(), Is.EqualTo(0.333));
            Assert.That(video["engagementScore"]!.GetValue<double>(), Is.EqualTo(0.143));
            Assert.That(video["completedContent"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(video["totalContent"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(video.ContainsKey("averageRating") && video["averageRating"] is null, Is.True);
            Assert.That(video["timeSpent"]!.GetValue<int>(), Is.EqualTo(10));
            Assert.That(video["lastAccessed"]!.GetValue<string>(), Is.EqualTo("2025-02-22"));
            Assert.That(types.Select(t => t!["engagementScore"]!.GetValue<double>()), Is.EqualTo(new[] { 0.143, 0.143, 0, 0.143 }));
            Assert.That(types.Select(t => t!["timeSpent"]!.GetValue<int>()), Is.EqualTo(new[] { 10, 2, 0, 3 }));
            Assert.That(data["effectivenessHistory"]!.AsArray().Select(p => (p!["date"]!.GetValue<string>(), p["effectiveness"]!.GetValue<double>())),
                Is.EqualTo(new[] { ("2025-02-12", 0.6), ("2025-03-14", 0.689) }));
            Assert.That(data["topPerformingContent"]!.AsArray().Select(i => (i!["id"]!.GetValue<string>(), i["title"]!.GetValue<string>(), i["type"]!.GetValue<string>(), i["effectiveness"]!.GetValue<double>())),
                Is.EqualTo(new[] { ("ce-v1", "Video · Topic 1", "video", 0.85), ("ce-a1", "Reading list", "article", 0.8) }));
            Assert.That(data["underperformingContent"]!.AsArray().Select(i => (i!["id"]!.GetValue<string>(), i["title"]!.GetValue<string>())),
                Is.EqualTo(new[] { ("ce-f1", "Forum · Topic 2") }));
            Assert.That(data["underperformingContent"]![0]!.AsObject().ContainsKey("rating"), Is.True);
            Assert.That(data["recommendations"]!.AsArray().Select(r => (r!["type"]!.GetValue<string>(), r["priority"]!.GetValue<string>(), r["suggestion"]!.GetValue<string>())),
                Is.EqualTo(new[]
                {
                    ("video", "high", "Scores are higher after video content; 2 of 3 unopened."),
                    ("forum", "low", "Scores after forum content are low (55 %); pair it with practice."),
                }));
            Assert.That(Strings(data["notAvailable"]),
                Is.EqualTo(new[] { "contentTypes[].averageRating", "topPerformingContent[].rating", "underperformingContent[].rating" }));
            Assert.That(data["dataStatus"]!.GetValue<string>(), Is.EqualTo("ok"));
            Assert.That(data["definitionVersion"]!.GetValue<string>(), Is.EqualTo("content-effectiveness@1.0"));
            Assert.That(body["meta"]!["definitionVersion"]!.GetValue<string>(), Is.EqualTo("content-effectiveness@1.0"));
        });
    }

    [Test]
    public async Task Get_WithContentTypeAndCreationMethod_CountOnlyThoseItems()
    {
        var video = await DataAsync("?contentType=video");
        var ai = await DataAsync("?creationMethod=ai");

        Assert.Multiple(() =>
        {
            Assert.That(video["overallEffectiveness"]!.GetValue<double>(), Is.EqualTo(0.85));
            Assert.That(video["contentTypes"]!.AsArray().Select(t => t!["id"]!.GetValue<string>()), Is.EqualTo(new[] { "type-video" }));
            Assert.That(ai["overallEffectiveness"]!.GetValue<double>(), Is.EqualTo(0.55));
            Assert.That(ai["contentTypes"]!.AsArray().Select(t => t!["id"]!.GetValue<string>()), Is.EqualTo(new[] { "type-video", "type-forum" }));
        });
    }

    [Test]
    public async Task Get_WithFromAndTo_UsesThatPeriod()
    {
        var data = await DataAsync("?from=2025-01-28&to=2025-02-12");

        Assert.Multiple(() =>
        {
            Assert.That(data["overallEffectiveness"]!.GetValue<double>(), Is.EqualTo(0.6));
            Assert.That(data["effectivenessHistory"]!.AsArray().Select(p => p!["date"]!.GetValue<string>()), Is.EqualTo(new[] { "2025-02-12" }));
        });
    }

    [Test]
    public async Task Get_WithAPeriodOf366Days_IsAccepted()
    {
        var data = await DataAsync("?from=2024-03-14&to=2025-03-14");

        Assert.That(data["overallEffectiveness"]!.GetValue<double>(), Is.EqualTo(0.689));
    }

    [Test]
    public async Task Get_WithOwnCourseId_NarrowsToItAndAnotherCourse_Returns403()
    {
        var own = await DataAsync("?courseId=ce-c1");
        using var other = await ApiClient.GetAsync(Path + "ce-s?courseId=ce-c2", Learner("ce-s"));

        Assert.That(own["overallEffectiveness"]!.GetValue<double>(), Is.EqualTo(0.689));
        await ApiClient.AssertProblemAsync(other, HttpStatusCode.Forbidden, "ACCESS_DENIED");
    }

    [Test]
    public async Task Get_LearnerWithoutEnrolment_ReturnsTheNoDataShape()
    {
        using var response = await ApiClient.GetAsync(Path + "ce-peer", Learner("ce-peer"));
        var data = (await ApiClient.ReadJsonAsync(response))["data"]!.AsObject();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(data["dataStatus"]!.GetValue<string>(), Is.EqualTo("no-data"));
            Assert.That(data.ContainsKey("overallEffectiveness") && data["overallEffectiveness"] is null, Is.True);
            foreach (var list in new[] { "contentTypes", "effectivenessHistory", "topPerformingContent", "underperformingContent", "recommendations" })
            {
                Assert.That(data[list]!.AsArray(), Is.Empty, list);
            }
        });
    }

    [TestCase("bad%20id", "userId")]
    [TestCase("ce-s?courseId=bad%20id", "courseId")]
    [TestCase("ce-s?contentType=podcast", "contentType")]
    [TestCase("ce-s?creationMethod=human", "creationMethod")]
    [TestCase("ce-s?from=2025-13-01", "from")]
    [TestCase("ce-s?to=14.03.2025", "to")]
    [TestCase("ce-s?from=2025-03-10&to=2025-03-01", "from")]
    [TestCase("ce-s?from=2024-03-13&to=2025-03-14", "to")]
    [TestCase("ce-s?from=2025-03-20", "from")]
    public async Task Get_WithInvalidParameter_Returns400NamingIt(string pathAndQuery, string parameter)
    {
        using var response = await ApiClient.GetAsync(Path + pathAndQuery, Learner("ce-s"));

        var body = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.That(body["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { parameter }));
    }
}
