using System.Net;
using System.Text.Json.Nodes;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.LearnerAnalytics.Engagement;

/// <summary>
/// The engagement endpoint end to end on rows written to the store: ANALYTICS.md G3 through SQL, in an organisation with sessions
/// and in one without any duration source (with a derived topic completion that must not count), windowDays, the envelope,
/// and the access rules of API.md §3.3–§3.4.
/// </summary>
public sealed class EngagementEndpointTests
{
    private const string Org = "eng-org";
    private const string NoDurationOrg = "eng-nodur-org";
    private static readonly DateOnly AsOf = new(2025, 3, 14);

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        foreach (var org in new[] { Org, NoDurationOrg })
        {
            await TestStore.OrganisationAsync(org, AsOf.AddDays(1));
        }

        await TestStore.UserAsync("eng-g3", Org, "eng.g3@example.test", "learner");
        await TestStore.UserAsync("eng-peer", Org, "eng.peer@example.test", "learner");
        await TestStore.UserAsync("eng-trainer", Org, "eng.trainer@example.test", "trainer");
        await TestStore.UserAsync("eng-admin", Org, "eng.admin@example.test", "org-admin");
        await TestStore.UserAsync("eng-empty", Org, "eng.empty@example.test", "learner");
        await TestStore.UserAsync("eng-g3n", NoDurationOrg, "eng.g3n@example.test", "learner");

        // G3 in an organisation with sessions: activity minutes (500 a row) must be ignored in favour of session durations.
        await SeedG3Async("eng-g3", "eng-c1", Org, trainerId: "eng-trainer", sessions: true, activityMinutes: 500);

        // G3 without any duration source, in a course whose topics are derived from its assessments (SOURCES.md §4.2): the
        // completion on the submission day restates the submission and must not add a second milestone.
        await SeedG3Async("eng-g3n", "eng-c2", NoDurationOrg, trainerId: null, sessions: false, activityMinutes: null);
        await TestStore.ExecuteAsync("UPDATE lrs.courses SET attributes = '{\"derivedTopics\": true}' WHERE id = 'eng-c2'");
        await TestStore.CompleteTopicAsync("eng-g3n", "eng-c2", 1, AsOf.AddDays(-2));
    }

    private static async Task SeedG3Async(string userId, string courseId, string org, string? trainerId, bool sessions, int? activityMinutes)
    {
        await TestStore.CourseAsync(courseId, org, topics: 3, AsOf.AddDays(-150), AsOf.AddDays(28), trainerId: trainerId);
        await TestStore.EnrolAsync(userId, courseId, AsOf.AddDays(-150));
        await EngagementSeed.ContentItemAsync($"{courseId}-video", courseId, "video", $"{courseId}-t1");
        await EngagementSeed.ContentItemAsync($"{courseId}-article", courseId, "article", null);
        await EngagementSeed.AssessmentAsync($"{courseId}-quiz", courseId, $"{courseId}-t1");
        foreach (var (offset, events, minutes, item) in new[]
                 {
                     (-12, 15, 30, "video"), (-9, 25, 30, "article"), (-4, 20, 40, "video"), (-2, 30, 60, "article"), (0, 10, 20, "video"),
                 })
        {
            await EngagementSeed.ActivityAsync(userId, courseId, $"{courseId}-{item}", AsOf.AddDays(offset), events, activityMinutes);
            if (sessions)
            {
                await EngagementSeed.SessionAsync(userId, AsOf.AddDays(offset), minutes);
            }
        }

        await EngagementSeed.SubmissionAsync($"{userId}-s1", $"{courseId}-quiz", userId, AsOf.AddDays(-2), 80);

        // Rows after asOf are ignored by every window.
        await EngagementSeed.ActivityAsync(userId, courseId, $"{courseId}-video", AsOf.AddDays(1), 900, activityMinutes);
    }

    private static async Task<(HttpResponseMessage Response, JsonObject Body)> GetAsync(string email, string userId, string query = "")
    {
        var token = await ApiClient.TokenAsync(email);
        var response = await ApiClient.GetAsync($"/api/v1/learner/analytics/engagement/{userId}{query}", token);
        return (response, await ApiClient.ReadJsonAsync(response));
    }

    [Test]
    public async Task Get_G3Learner_ReturnsTheWorkedExampleInTheEnvelope()
    {
        var (response, body) = await GetAsync("eng.g3@example.test", "eng-g3");
        using var _ = response;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var data = body["data"]!.AsObject();
        var meta = body["meta"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(data["overallEngagement"]!.GetValue<int>(), Is.EqualTo(60));
            Assert.That(data["band"]!.GetValue<string>(), Is.EqualTo("engaged"));
            Assert.That(data["components"]!["loginFrequency"]!.GetValue<double>(), Is.EqualTo(66.7));
            Assert.That(data["components"]!["sessionDuration"]!.GetValue<double>(), Is.EqualTo(55.6));
            Assert.That(data["components"]!["activity"]!.GetValue<double>(), Is.EqualTo(56.7));
            Assert.That(data["componentsUsed"]!.AsArray().Select(c => c!.GetValue<string>()),
                Is.EqualTo(new[] { "loginFrequency", "sessionDuration", "activity" }));
            Assert.That(data["timeSpent"]!["total"]!.GetValue<double>(), Is.EqualTo(3.0));
            Assert.That(data["timeSpent"]!["average"]!.GetValue<double>(), Is.EqualTo(0.6));
            Assert.That(data["timeSpent"]!["trend"]!.GetValue<string>(), Is.EqualTo("increasing"));
            // Both items of the one active course were used in the 14 days; its one touched topic is not completed.
            Assert.That(data["interactionRate"]!["current"]!.GetValue<double>(), Is.EqualTo(1.0));
            Assert.That(data["interactionRate"]!["average"]!.GetValue<double>(), Is.EqualTo(0));
            Assert.That(data["completionRate"]!["current"]!.GetValue<double>(), Is.EqualTo(0));
            Assert.That(data["completionRate"]!["average"], Is.Null);
            Assert.That(data["sessionFrequency"]!["daily"]!.GetValue<double>(), Is.EqualTo(0.357));
            Assert.That(data["sessionFrequency"]!["weekly"]!.GetValue<double>(), Is.EqualTo(0.167));
            Assert.That(data["sessionFrequency"]!["monthly"]!.GetValue<double>(), Is.EqualTo(0.167));
            Assert.That(data["contentEngagement"]!["videos"]!.GetValue<double>(), Is.EqualTo(1.0));
            Assert.That(data["contentEngagement"]!["readings"]!.GetValue<double>(), Is.EqualTo(1.0));
            Assert.That(data["contentEngagement"]!.AsObject().ContainsKey("quizzes") && data["contentEngagement"]!["quizzes"] is null, Is.True);
            Assert.That(data["engagementHistory"]!.AsArray().Select(p => p!["engagement"]!.GetValue<int>()),
                Is.EqualTo(new[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 28, 60 }));
            Assert.That(data["engagementHistory"]![11]!["date"]!.GetValue<string>(), Is.EqualTo("2025-03-14"));
            Assert.That(data["asOf"]!.GetValue<string>(), Is.EqualTo("2025-03-14"));
            Assert.That(data["definitionVersion"]!.GetValue<string>(), Is.EqualTo("engagement@1.0"));
            Assert.That(data["dataStatus"]!.GetValue<string>(), Is.EqualTo("ok"));
            Assert.That(data["notAvailable"]!.AsArray(), Is.Empty);
            Assert.That(data["isStale"]!.GetValue<bool>(), Is.False);
            Assert.That(data["staleness"]!.GetValue<string>(), Is.EqualTo("fresh"));
            Assert.That(data["degraded"]!.GetValue<bool>(), Is.False);
            Assert.That(meta["definitionVersion"]!.GetValue<string>(), Is.EqualTo("engagement@1.0"));
            Assert.That(meta["subject"]!["type"]!.GetValue<string>(), Is.EqualTo("learner"));
            Assert.That(meta["subject"]!["id"]!.GetValue<string>(), Is.EqualTo("eng-g3"));
            Assert.That(meta["activeRole"]!.GetValue<string>(), Is.EqualTo("learner"));
        });
    }

    [Test]
    public async Task Get_G3WithoutAnyDurationSource_Returns61PartialAndListsTheDurationFields()
    {
        var (response, body) = await GetAsync("eng.g3n@example.test", "eng-g3n");
        using var _ = response;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var data = body["data"]!.AsObject();
        Assert.Multiple(() =>
        {
            // 61 also proves the derived topic completion on day −2 added no milestone (with it: V 60 → 63).
            Assert.That(data["overallEngagement"]!.GetValue<int>(), Is.EqualTo(61));
            Assert.That(data["components"]!["activity"]!.GetValue<double>(), Is.EqualTo(56.7));
            Assert.That(data["components"]!.AsObject().ContainsKey("sessionDuration") && data["components"]!["sessionDuration"] is null, Is.True);
            Assert.That(data.ContainsKey("timeSpent") && data["timeSpent"] is null, Is.True);
            Assert.That(data["notAvailable"]!.AsArray().Select(p => p!.GetValue<string>()),
                Is.EquivalentTo(new[] { "components.sessionDuration", "timeSpent" }));
            Assert.That(data["componentsUsed"]!.AsArray().Select(c => c!.GetValue<string>()), Is.EqualTo(new[] { "loginFrequency", "activity" }));
            Assert.That(data["dataStatus"]!.GetValue<string>(), Is.EqualTo("partial"));
            // The derived completion does complete topic 1, which the learner touched through its video and quiz.
            Assert.That(data["completionRate"]!["current"]!.GetValue<double>(), Is.EqualTo(1.0));
        });
    }

    [Test]
    public async Task Get_WithWindowDays7_RescoresTheHeadlineAndIsCachedSeparately()
    {
        var (first, a) = await GetAsync("eng.g3@example.test", "eng-g3", "?windowDays=7");
        var (second, b) = await GetAsync("eng.g3@example.test", "eng-g3", "?windowDays=7");
        using var _ = first;
        using var __ = second;

        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK), a.ToJsonString());
            Assert.That(a["data"]!["overallEngagement"]!.GetValue<int>(), Is.EqualTo(74));
            Assert.That(a["data"]!["engagementHistory"]![11]!["engagement"]!.GetValue<int>(), Is.EqualTo(60), "history always uses 14 days");
            Assert.That(b["cached"]!.GetValue<bool>(), Is.True);
            Assert.That(b["meta"]!["servedFrom"]!.GetValue<string>(), Is.EqualTo("memory"));
        });
    }

    [Test]
    public async Task Get_LearnerWithoutEnrolmentOrActivity_ReturnsTheNoDataShape()
    {
        var (response, body) = await GetAsync("eng.empty@example.test", "eng-empty");
        using var _ = response;
        var data = body["data"]!.AsObject();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(data["dataStatus"]!.GetValue<string>(), Is.EqualTo("no-data"));
            Assert.That(data.ContainsKey("overallEngagement") && data["overallEngagement"] is null, Is.True);
            Assert.That(data.ContainsKey("band") && data["band"] is null, Is.True);
            Assert.That(data["components"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "loginFrequency", "sessionDuration", "activity" }));
            Assert.That(data["components"]!.AsObject().Select(p => p.Value), Is.All.Null);
            Assert.That(data["interactionRate"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "current", "average", "trend" }));
            Assert.That(data["sessionFrequency"]!.AsObject().Select(p => p.Value), Is.All.Null);
            Assert.That(data["contentEngagement"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "videos", "quizzes", "readings", "discussions" }));
            Assert.That(data["engagementHistory"]!.AsArray(), Is.Empty);
        });
    }

    [Test]
    public async Task Get_WhenTrainerReadsOwnStudent_Returns200WithTheSameValues()
    {
        var (response, body) = await GetAsync("eng.trainer@example.test", "eng-g3");
        using var _ = response;

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body["data"]!["overallEngagement"]!.GetValue<int>(), Is.EqualTo(60));
            Assert.That(body["meta"]!["activeRole"]!.GetValue<string>(), Is.EqualTo("trainer"));
        });
    }

    [Test]
    public async Task Get_OwnIdNotInTheStore_Returns404SubjectNotFound()
    {
        var token = TestTokens.Mint("eng-ghost", ["learner"], Org);

        using var response = await ApiClient.GetAsync("/api/v1/learner/analytics/engagement/eng-ghost", token);

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.NotFound, "SUBJECT_NOT_FOUND");
    }

    [TestCase("6")]
    [TestCase("91")]
    [TestCase("abc")]
    [TestCase("14.5")]
    [TestCase("-14")]
    public async Task Get_WithWindowDaysOutside7To90_Returns400NamingWindowDays(string windowDays)
    {
        var (response, _) = await GetAsync("eng.g3@example.test", "eng-g3", $"?windowDays={windowDays}");
        using var __ = response;

        var body = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.That(body["errors"]!["windowDays"], Is.Not.Null);
    }

    [TestCase("7")]
    [TestCase("90")]
    public async Task Get_WithWindowDaysAtTheBounds_Returns200(string windowDays)
    {
        var (response, body) = await GetAsync("eng.g3@example.test", "eng-g3", $"?windowDays={windowDays}");
        using var _ = response;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
    }
}
