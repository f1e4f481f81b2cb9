using System.Net;
using System.Text.Json.Nodes;
using Analytics.Tests.Infrastructure;
using Analytics.Tests.Shared.Freshness;

namespace Analytics.Tests.Features.TrainerAnalytics.CourseHealth;

/// <summary>`GET /trainer/analytics/course-health/{trainerId}` on the seeded scenario (<see cref="TrainerScenario"/>).</summary>
public sealed class CourseHealthEndpointTests
{
    private const string Path = "/api/v1/trainer/analytics/course-health/tr-trainer";

    [OneTimeSetUp]
    public Task SeedAsync() => TrainerScenario.EnsureAsync();

    [Test]
    public async Task Get_PrimaryCourse_ReturnsItsHealthFromTheStore()
    {
        var token = await ApiClient.TokenAsync(TrainerScenario.Trainer);

        using var response = await ApiClient.GetAsync(Path, token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var data = body["data"]!.AsObject();
        var satisfaction = data["metrics"]!["satisfaction"]!;
        var point = data["dropOffAnalysis"]!["dropOffPoints"]![0]!;
        var topic = data["contentPerformance"]!["strugglingTopics"]![0]!;
        Assert.Multiple(() =>
        {
            // completion 1/(1+1) = 50 → 66.67; median engagement of 5×0 and 5×82 = 41; rating 3.9 → 72.5; pass 7/12; retention 11/12.
            Assert.That(data["courseId"]!.GetValue<string>(), Is.EqualTo("tr-c1"), "the course with the most active enrolments");
            Assert.That(data["courseName"]!.GetValue<string>(), Is.EqualTo("tr-c1"));
            Assert.That(data["healthScore"]!.GetValue<int>(), Is.EqualTo(63));
            Assert.That(data["overallHealth"]!.GetValue<string>(), Is.EqualTo("at_risk"));
            Assert.That(data["metrics"]!["enrollments"]!["total"]!.GetValue<int>(), Is.EqualTo(12));
            Assert.That(data["metrics"]!["enrollments"]!["active"]!.GetValue<int>(), Is.EqualTo(5));
            Assert.That(data["metrics"]!["completion"]!["rate"]!.GetValue<double>(), Is.EqualTo(50));
            Assert.That(data["metrics"]!["completion"]!["target"]!.GetValue<double>(), Is.EqualTo(75));
            Assert.That(satisfaction["averageRating"]!.GetValue<double>(), Is.EqualTo(3.9));
            Assert.That(satisfaction["totalReviews"]!.GetValue<int>(), Is.EqualTo(10));
            Assert.That(satisfaction["nps"]!.GetValue<int>(), Is.EqualTo(0));
            Assert.That(satisfaction["satisfactionScore"]!.GetValue<double>(), Is.EqualTo(70));
            Assert.That(satisfaction.AsObject().ContainsKey("ratingTrend") && satisfaction["ratingTrend"] is null, Is.True);
            Assert.That(data["dropOffAnalysis"]!["overallDropOffRate"]!.GetValue<double>(), Is.EqualTo(8.3));
            Assert.That(data["dropOffAnalysis"]!["dropOffPoints"]!.AsArray(), Has.Count.EqualTo(1));
            Assert.That(point["moduleName"]!.GetValue<string>(), Is.EqualTo("Topic 1"));
            Assert.That(point["dropOffRate"]!.GetValue<double>(), Is.EqualTo(8.3));
            Assert.That(point["studentsDropped"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(point["priority"]!.GetValue<string>(), Is.EqualTo("low"));
            Assert.That(point["likelyReasons"]!.AsArray(), Has.Count.EqualTo(1));
            Assert.That(point["recommendedActions"]!.AsArray(), Has.Count.EqualTo(1));
            Assert.That(topic["topic"]!.GetValue<string>(), Is.EqualTo("Topic 1"));
            Assert.That(topic["averageScore"]!.GetValue<double>(), Is.EqualTo(69.5));
            Assert.That(topic["passRate"]!.GetValue<double>(), Is.EqualTo(58.3));
            Assert.That(topic["averageAttempts"]!.GetValue<double>(), Is.EqualTo(1));
            Assert.That(topic.AsObject().ContainsKey("studentFeedback") && topic["studentFeedback"] is null, Is.True);
            Assert.That(data["contentPerformance"]!["highPerformanceTopics"]!.AsArray(), Is.Empty);
            Assert.That(data["recommendations"]!.AsArray().Select(r => r!["type"]!.GetValue<string>()),
                Is.EqualTo(new[] { "intervention", "content_improvement", "pacing" }));
            Assert.That(data["recommendations"]![0]!["expectedImpact"]!.GetValue<string>(), Is.EqualTo("affects 5 students"));
            Assert.That(data["componentsUsed"]!.AsArray(), Has.Count.EqualTo(5));
            Assert.That(data["notAvailable"]!.AsArray().Select(p => p!.GetValue<string>()),
                Does.Contain("contentPerformance.strugglingTopics[].studentFeedback"));
            Assert.That(data["dataStatus"]!.GetValue<string>(), Is.EqualTo("ok"));
            Assert.That(data["definitionVersion"]!.GetValue<string>(), Is.EqualTo("course-health@1.0"));
            Assert.That(data["asOf"]!.GetValue<string>(), Is.EqualTo("2025-03-14"));
            Assert.That(data["staleness"]!.GetValue<string>(), Is.EqualTo("fresh"));
            Assert.That(data.ContainsKey("suppressed"), Is.False, "privacy fields are sent only when set");
            // Topic 2 is reached by 5 learners only: left out and counted.
            Assert.That(body["meta"]!["suppression"]!["reason"]!.GetValue<string>(), Is.EqualTo("SEGMENTS_TOO_SMALL"));
            Assert.That(body["meta"]!["suppression"]!["suppressedSegments"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(body["meta"]!["subject"]!["type"]!.GetValue<string>(), Is.EqualTo("trainer"));
            Assert.That(body["meta"]!["definitionVersion"]!.GetValue<string>(), Is.EqualTo("course-health@1.0"));
        });
    }

    [Test]
    public async Task Get_CourseOfNineLearners_ReturnsTheSuppressedShape()
    {
        var token = await ApiClient.TokenAsync(TrainerScenario.Trainer);

        using var response = await ApiClient.GetAsync(Path + "?courseId=tr-c9", token);
        var body = await ApiClient.ReadJsonAsync(response);

        var data = body["data"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
            Assert.That(data["suppressed"]!.GetValue<bool>(), Is.True);
            Assert.That(data["message"]!.GetValue<string>(), Is.EqualTo("Insufficient data: fewer than 10 people in this group."));
            Assert.That(data.ContainsKey("healthScore") && data["healthScore"] is null, Is.True);
            Assert.That(data["metrics"]!["enrollments"]!["total"], Is.Null, "the size of a group below k is never returned");
            Assert.That(data["metrics"]!["satisfaction"]!.AsObject().ContainsKey("nps"), Is.True);
            Assert.That(data["dropOffAnalysis"]!["dropOffPoints"]!.AsArray(), Is.Empty);
            Assert.That(data["recommendations"]!.AsArray(), Is.Empty);
            Assert.That(body["meta"]!["suppression"]!["reason"]!.GetValue<string>(), Is.EqualTo("GROUP_TOO_SMALL"));
            Assert.That(body["meta"]!["suppression"]!["minGroupSize"]!.GetValue<int>(), Is.EqualTo(10));
            Assert.That(body["meta"]!["suppression"]!["suppressedSegments"]!.GetValue<int>(), Is.EqualTo(0));
        });
    }

    [Test]
    public async Task Get_TaughtCourseWithoutEnrolments_ReturnsTheNoDataShape()
    {
        var token = await ApiClient.TokenAsync(TrainerScenario.Trainer);

        using var response = await ApiClient.GetAsync(Path + "?courseId=tr-cp", token);
        var data = (await ApiClient.ReadJsonAsync(response))["data"]!.AsObject();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(data["dataStatus"]!.GetValue<string>(), Is.EqualTo("no-data"));
            Assert.That(data["healthScore"], Is.Null);
            Assert.That(data["recommendations"]!.AsArray(), Is.Empty);
        });
    }

    [Test]
    public async Task Get_WhenOrgAdminAsksForAPlatformCourse_Returns403()
    {
        var token = await ApiClient.TokenAsync(TrainerScenario.Admin);

        using var own = await ApiClient.GetAsync(Path + "?courseId=tr-c1", token);
        using var platform = await ApiClient.GetAsync(Path + "?courseId=tr-cp", token);

        Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await ApiClient.AssertProblemAsync(platform, HttpStatusCode.Forbidden, "ACCESS_DENIED");
    }

    [TestCase("tr-cx")]
    [TestCase("no-such-course")]
    public async Task Get_WithACourseTheTrainerDoesNotTeach_Returns403(string courseId)
    {
        var token = await ApiClient.TokenAsync(TrainerScenario.Trainer);

        using var response = await ApiClient.GetAsync($"{Path}?courseId={courseId}", token);

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "ACCESS_DENIED");
    }

    [Test]
    public async Task Get_WithInvalidCourseId_Returns400NamingCourseId()
    {
        var token = await ApiClient.TokenAsync(TrainerScenario.Trainer);

        using var response = await ApiClient.GetAsync(Path + "?courseId=bad%20id", token);

        var body = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.That(body["errors"]!["courseId"], Is.Not.Null);
    }

    [Test]
    public async Task Get_KeepsTheCourseFactsForEveryAnalyticOfTheCourse_AndRecomputesThemOnlyWhenTheirInputsChange()
    {
        const string Snapshots = "analytics.analytics_snapshots";
        const string FactsRow = "WHERE subject_type = 'course' AND subject_id = 'tr-c1' AND role = 'trainer' AND analytic = 'course-facts'";
        var token = await ApiClient.TokenAsync(TrainerScenario.Trainer);
        await TestStore.ExecuteAsync($"DELETE FROM {Snapshots} {FactsRow}");
        await ReadWithoutMemoryAsync(token, "course-health", "?courseId=tr-c1");

        var facts = JsonNode.Parse((await TestStore.ScalarAsync<string>($"SELECT payload::text FROM {Snapshots} {FactsRow}"))!)!;
        var first = await TestStore.ScalarAsync<DateTime>($"SELECT computed_at FROM {Snapshots} {FactsRow}");
        Assert.Multiple(async () =>
        {
            Assert.That(facts["courseId"]!.GetValue<string>(), Is.EqualTo("tr-c1"));
            Assert.That(facts["earlierAsOf"]!.GetValue<string>(), Is.EqualTo("2025-02-12"), "asOf − 30 days, for course performance's trend");
            Assert.That(facts["outcomes"]!.AsArray().Select(o => o!["asOf"]!.GetValue<string>()), Is.EquivalentTo(new[] { "2025-03-14", "2025-02-12" }));
            Assert.That(facts["topics"]!.AsArray(), Has.Count.EqualTo(3));
            Assert.That(await TestStore.ScalarAsync<string>($"SELECT organisation_id FROM {Snapshots} {FactsRow}"), Is.EqualTo(TrainerScenario.Org));
        });

        // Same inputs: course performance (another analytic over the same course) reuses them.
        await ReadWithoutMemoryAsync(token, "course-performance", "?status=all");
        Assert.That(await TestStore.ScalarAsync<DateTime>($"SELECT computed_at FROM {Snapshots} {FactsRow}"), Is.EqualTo(first));

        // Different inputs (as after a sync, a new definition or other settings): recomputed and stored again.
        await TestStore.ExecuteAsync($"UPDATE {Snapshots} SET inputs_hash = decode(repeat('00', 32), 'hex') {FactsRow}");
        await ReadWithoutMemoryAsync(token, "course-health", "?courseId=tr-c1");
        Assert.That(await TestStore.ScalarAsync<DateTime>($"SELECT computed_at FROM {Snapshots} {FactsRow}"), Is.GreaterThan(first));
    }

    /// <summary>A filtered read (memory only, never a trainer snapshot), so the handler runs every time.</summary>
    private static async Task ReadWithoutMemoryAsync(string token, string analytic, string query)
    {
        await RefreshTestJobs.EvictAsync("trainer", "tr-trainer", "trainer");
        using var response = await ApiClient.GetAsync($"/api/v1/trainer/analytics/{analytic}/tr-trainer{query}", token);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
