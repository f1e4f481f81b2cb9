using System.Net;
using System.Text.Json.Nodes;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.TrainerAnalytics.Overview;

/// <summary>The demo users of API.md §2.6 read the trainer dashboards: every field of ANALYTICS.md §2, nothing suppressed.</summary>
public sealed class TrainerDemoTests
{
    private static readonly string[] CommonFields =
        ["lastUpdated", "isStale", "staleness", "asOf", "source", "degraded", "definitionVersion", "dataStatus", "notAvailable"];

    private static async Task<JsonObject> OverviewAsync(string email, string trainerId, string? activeRole = null)
    {
        var token = await ApiClient.TokenAsync(email);
        using var response = await ApiClient.GetAsync($"/api/v1/trainer/analytics/overview/{trainerId}", token, activeRole);
        var body = await ApiClient.ReadJsonAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        return body;
    }

    private static void AssertFields(JsonNode? node, params string[] fields)
    {
        Assert.That(node, Is.Not.Null);
        var keys = node!.AsObject().Select(p => p.Key).ToArray();
        Assert.That(keys, Is.SupersetOf(fields));
    }

    [Test]
    public async Task DemoTrainer_ReadsEveryFieldOfTheFourAnalytics()
    {
        var body = await OverviewAsync("trainer@test.com", "trainer-456");

        var data = body["data"]!;
        var performance = data["coursePerformance"]!;
        var health = data["courseHealth"]!;
        var distribution = data["studentDistribution"]!;
        var effectiveness = data["teachingEffectiveness"]!;
        Assert.Multiple(() =>
        {
            AssertFields(performance, [.. CommonFields, "summary", "courses", "insights", "recommendations"]);
            AssertFields(performance["summary"], "totalCourses", "totalEnrollments", "averageCompletionRate", "averageHealthScore");
            AssertFields(performance["courses"]![0],
                "id", "courseId", "courseName", "trend", "healthScore", "enrollments", "activeStudents", "completionRate", "averageScore");
            AssertFields(health, [.. CommonFields, "courseName", "healthScore", "overallHealth", "metrics", "dropOffAnalysis", "contentPerformance", "recommendations"]);
            AssertFields(health["metrics"], "enrollments", "completion", "satisfaction");
            AssertFields(health["metrics"]!["satisfaction"], "averageRating", "totalReviews", "nps", "satisfactionScore", "ratingTrend");
            AssertFields(health["dropOffAnalysis"], "overallDropOffRate", "dropOffPoints");
            AssertFields(health["contentPerformance"], "strugglingTopics", "highPerformanceTopics");
            AssertFields(distribution, [.. CommonFields, "courseName", "totalStudents", "distribution", "insights", "histogram", "quantiles"]);
            AssertFields(distribution["insights"], "averageScore", "medianScore", "passRate", "atRiskStudents", "topPerformers");
            AssertFields(effectiveness, [.. CommonFields, "overallScore", "metrics", "strengths", "improvementAreas"]);
            AssertFields(effectiveness["metrics"], "studentSatisfaction", "learningOutcomes", "engagement");

            // No demo dashboard is suppressed (API.md §2.6): every course of trainer-456 has ≥ 10 learners.
            Assert.That(body["meta"]!["suppression"]?["reason"]?.GetValue<string>(), Is.Not.EqualTo("GROUP_TOO_SMALL"));
            Assert.That(performance["courses"]!.AsArray(), Is.Not.Empty);
            Assert.That(performance["courses"]!.AsArray().Select(c => c!["enrollments"]!.GetValue<int>()), Is.All.InRange(25, 60));
            Assert.That(performance.AsObject().ContainsKey("suppressedFields"), Is.False);
            Assert.That(health["healthScore"]!.GetValue<int>(), Is.InRange(0, 100));
            Assert.That(health.AsObject().ContainsKey("suppressed"), Is.False);
            Assert.That(distribution["totalStudents"]!.GetValue<int>(), Is.GreaterThanOrEqualTo(10));
            Assert.That(distribution["histogram"]!.AsArray(), Has.Count.EqualTo(10));
            Assert.That(distribution["insights"]!["atRiskStudents"]!.GetValue<int>(), Is.GreaterThanOrEqualTo(3),
                "trainer-456's course with learner-123 has at least 3 at-risk learners (SOURCES.md §2.3)");
            Assert.That(effectiveness["overallScore"]!.GetValue<int>(), Is.InRange(0, 100));
            Assert.That(performance["source"]!.GetValue<string>(), Is.EqualTo("demo"));
            Assert.That(performance["asOf"]!.GetValue<string>(), Is.EqualTo(AnalyticsApiFactory.DemoEndDate));
        });
    }

    [Test]
    public async Task DemoSupertesterAsTrainer_GetsOtherValuesThanTrainer456()
    {
        var jane = (await OverviewAsync("trainer@test.com", "trainer-456"))["data"]!;
        var super = (await OverviewAsync("supertester@test.com", "supertester-999", "trainer"))["data"]!;

        static string[] CourseIds(JsonNode data) => data["coursePerformance"]!["courses"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(super["trainerId"]!.GetValue<string>(), Is.EqualTo("supertester-999"));
            Assert.That(CourseIds(super), Is.Not.Empty);
            Assert.That(CourseIds(super).Intersect(CourseIds(jane)), Is.Empty, "the two trainers teach different courses");
            Assert.That(super["courseHealth"]!["courseId"]!.GetValue<string>(), Is.Not.EqualTo(jane["courseHealth"]!["courseId"]!.GetValue<string>()));
            Assert.That(super["studentDistribution"]!["totalStudents"]!.GetValue<int>(), Is.GreaterThanOrEqualTo(10));
            Assert.That(super["teachingEffectiveness"]!["components"]!.ToJsonString(),
                Is.Not.EqualTo(jane["teachingEffectiveness"]!["components"]!.ToJsonString()));
        });
    }

    [Test]
    public async Task DemoOrgAdmin_ReadsTrainer456LikeTheTrainerDoes()
    {
        var asAdmin = await OverviewAsync("admin@test.com", "trainer-456");
        var asTrainer = await OverviewAsync("trainer@test.com", "trainer-456");

        Assert.Multiple(() =>
        {
            Assert.That(asAdmin["meta"]!["activeRole"]!.GetValue<string>(), Is.EqualTo("org-admin"));
            // Every course of trainer-456 belongs to org-123, so the organisation's view is the trainer's own.
            Assert.That(asAdmin["data"]!["courseHealth"]!["healthScore"]!.GetValue<int>(),
                Is.EqualTo(asTrainer["data"]!["courseHealth"]!["healthScore"]!.GetValue<int>()));
            Assert.That(asAdmin["data"]!["coursePerformance"]!["summary"]!.ToJsonString(),
                Is.EqualTo(asTrainer["data"]!["coursePerformance"]!["summary"]!.ToJsonString()));
        });
    }

    [Test]
    public async Task DemoCompatPaths_SucceedForTheDemoTrainer()
    {
        var token = await ApiClient.TokenAsync("trainer@test.com");

        using var distribution = await ApiClient.GetAsync("/api/v1/analytics/trainer/trainer-456/student-distribution/default-course", token);
        using var effectiveness = await ApiClient.GetAsync("/api/v1/analytics/trainer/trainer-456/teaching-effectiveness", token);

        var distributionBody = await ApiClient.ReadJsonAsync(distribution);
        var effectivenessBody = await ApiClient.ReadJsonAsync(effectiveness);

        Assert.Multiple(() =>
        {
            Assert.That(distribution.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(effectiveness.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(distributionBody["data"]!["studentDistribution"]!["totalStudents"]!.GetValue<int>(), Is.GreaterThanOrEqualTo(10));
            Assert.That(effectivenessBody["data"]!["teachingEffectiveness"]!["overallScore"], Is.Not.Null);
        });
    }

    [Test]
    public async Task DemoSupertesterAsLearner_CannotUseTrainerEndpoints()
    {
        var token = await ApiClient.TokenAsync("supertester@test.com");

        using var response = await ApiClient.GetAsync("/api/v1/trainer/analytics/overview/supertester-999", token, "learner");

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "ROLE_NOT_PERMITTED");
    }
}
