using System.Net;
using System.Text.Json.Nodes;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.LearnerAnalytics.Performance;

/// <summary>
/// The performance endpoint end to end on rows written to the store: ANALYTICS.md G5 through SQL in one course, a second
/// (self-paced) course with a single submission, skills from topics and courses, the courseId rule of API.md §3.4 and the access rules.
/// </summary>
public sealed class PerformanceEndpointTests
{
    private const string Org = "perf-org";
    private static readonly DateOnly AsOf = new(2025, 3, 14);

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        await TestStore.OrganisationAsync(Org, AsOf.AddDays(1));
        await TestStore.UserAsync("perf-g5", Org, "perf.g5@example.test", "learner");
        await TestStore.UserAsync("perf-peer", Org, "perf.peer@example.test", "learner");
        await TestStore.UserAsync("perf-trainer", Org, "perf.trainer@example.test", "trainer");
        await TestStore.UserAsync("perf-admin", Org, "perf.admin@example.test", "org-admin");
        await TestStore.UserAsync("perf-empty", Org, "perf.empty@example.test", "learner");

        // G5 in perf-c1: 55, 60, 70, 72, 80 weighted 10, 20, 20, 20, 30, threshold 70. The first three have no topic (skills of the
        // course: CSS), the last two sit on topic 1 (skills of the topic: SQL).
        await TestStore.CourseAsync("perf-c1", Org, topics: 2, AsOf.AddDays(-100), AsOf.AddDays(30), trainerId: "perf-trainer");
        await TestStore.EnrolAsync("perf-g5", "perf-c1", AsOf.AddDays(-100));
        await PerformanceSeed.SkillAsync("perf-sk-sql", "SQL");
        await PerformanceSeed.SkillAsync("perf-sk-css", "CSS");
        await PerformanceSeed.TopicSkillAsync("perf-c1-t1", "perf-sk-sql");
        await PerformanceSeed.CourseSkillAsync("perf-c1", "perf-sk-css");
        var g5 = new (decimal Score, decimal Weight, string? Topic, int Offset)[]
        {
            (55, 10, null, -40), (60, 20, null, -30), (70, 20, null, -20), (72, 20, "perf-c1-t1", -10), (80, 30, "perf-c1-t1", -2),
        };
        for (var i = 0; i < g5.Length; i++)
        {
            await PerformanceSeed.AssessmentAsync($"perf-a{i + 1}", "perf-c1", g5[i].Topic, g5[i].Weight);
            await PerformanceSeed.SubmissionAsync($"perf-s{i + 1}", $"perf-a{i + 1}", "perf-g5", AsOf.AddDays(g5[i].Offset), g5[i].Score);
        }

        // A submission after asOf is ignored.
        await PerformanceSeed.AssessmentAsync("perf-a-late", "perf-c1", null, 10);
        await PerformanceSeed.SubmissionAsync("perf-s-late", "perf-a-late", "perf-g5", AsOf.AddDays(1), 0);

        // A self-paced course without dates (length only) with a single submission of 90.
        await TestStore.CourseAsync("perf-c2", Org, topics: 0, null, null, lengthDays: 60);
        await TestStore.EnrolAsync("perf-g5", "perf-c2", AsOf.AddDays(-20));
        await PerformanceSeed.AssessmentAsync("perf-b1", "perf-c2", null, 10, kind: "test");
        await PerformanceSeed.SubmissionAsync("perf-sb1", "perf-b1", "perf-g5", AsOf.AddDays(-1), 90);

        // A course of the organisation the learner is not enrolled in.
        await TestStore.CourseAsync("perf-c3", Org, topics: 0, AsOf.AddDays(-10), AsOf.AddDays(10));
    }

    private static async Task<(HttpResponseMessage Response, JsonObject Body)> GetAsync(string email, string userId, string query = "")
    {
        var token = await ApiClient.TokenAsync(email);
        var response = await ApiClient.GetAsync($"/api/v1/learner/analytics/performance/{userId}{query}", token);
        return (response, await ApiClient.ReadJsonAsync(response));
    }

    [Test]
    public async Task Get_G5CourseOnly_ReturnsTheWorkedExampleInTheEnvelope()
    {
        var (response, body) = await GetAsync("perf.g5@example.test", "perf-g5", "?courseId=perf-c1");
        using var _ = response;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var data = body["data"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(data["overallScore"]!.GetValue<double>(), Is.EqualTo(0.699));
            Assert.That(data["trend"]!.GetValue<string>(), Is.EqualTo("improving"));
            Assert.That(data["passRate"]!.GetValue<double>(), Is.EqualTo(60));
            Assert.That(data["projectedNextScore"]!.GetValue<double>(), Is.EqualTo(79));
            Assert.That(data["grade"]!.GetValue<string>(), Is.EqualTo("D"));
            var results = data["assessmentResults"]!.AsArray();
            Assert.That(results.Select(r => r!["score"]!.GetValue<double>()), Is.EqualTo(new[] { 0.8, 0.72, 0.7, 0.6, 0.55 }));
            Assert.That(results[0]!["id"]!.GetValue<string>(), Is.EqualTo("perf-s5"));
            Assert.That(results[0]!["title"]!.GetValue<string>(), Is.EqualTo("Quiz – Topic 1"));
            Assert.That(results[4]!["title"]!.GetValue<string>(), Is.EqualTo("Quiz – perf-c1"));
            Assert.That(results[0]!["timeSpent"]!.GetValue<double>(), Is.EqualTo(25));
            Assert.That(results[0]!["completedAt"]!.GetValue<string>(), Is.EqualTo("2025-03-12"));
            Assert.That(results[0]!.AsObject().ContainsKey("correctAnswers") && results[0]!["correctAnswers"] is null, Is.True);
            Assert.That(results[0]!.AsObject().ContainsKey("questions") && results[0]!["questions"] is null, Is.True);
            Assert.That(results[0]!.AsObject().ContainsKey("difficulty") && results[0]!["difficulty"] is null, Is.True);
            Assert.That(results[0]!.AsObject().ContainsKey("category"), Is.True);
            Assert.That(data["notAvailable"]!.AsArray().Select(p => p!.GetValue<string>()), Is.EquivalentTo(new[]
            {
                "assessmentResults[].correctAnswers", "assessmentResults[].questions", "assessmentResults[].difficulty",
            }));
            Assert.That(data["performanceHistory"]!.AsArray().Select(p => p!["score"]!.GetValue<double>()),
                Is.EqualTo(new[] { 0.55, 0.6, 0.7, 0.72, 0.8 }));
            Assert.That(data["performanceHistory"]![4]!["date"]!.GetValue<string>(), Is.EqualTo("2025-03-14"));
            // SQL (topic skill): 72, 80 → 0.76, a strength. CSS (course skill, the assessments without a topic): 55, 60, 70 → 0.617.
            Assert.That(data["strengths"]!.ToJsonString(), Is.EqualTo("""[{"skill":"SQL","score":0.76,"trend":"stable"}]"""));
            Assert.That(data["weaknesses"]!.ToJsonString(), Is.EqualTo("""[{"skill":"CSS","score":0.617,"trend":"increasing"}]"""));
            Assert.That(data["improvementAreas"]!.ToJsonString(),
                Is.EqualTo("""[{"area":"CSS","currentScore":0.617,"targetScore":0.8,"priority":"medium"}]"""));
            Assert.That(data["definitionVersion"]!.GetValue<string>(), Is.EqualTo("performance@1.0"));
            Assert.That(data["dataStatus"]!.GetValue<string>(), Is.EqualTo("ok"));
            Assert.That(data["asOf"]!.GetValue<string>(), Is.EqualTo("2025-03-14"));
            Assert.That(body["meta"]!["definitionVersion"]!.GetValue<string>(), Is.EqualTo("performance@1.0"));
            Assert.That(body["meta"]!["subject"]!["id"]!.GetValue<string>(), Is.EqualTo("perf-g5"));
        });
    }

    [Test]
    public async Task Get_LearnerInTwoCourses_WithoutFilterCombinesBothCourses()
    {
        var (response, body) = await GetAsync("perf.g5@example.test", "perf-g5");
        using var _ = response;
        var data = body["data"]!;

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
            // (6,990 + 90·10) / 110 = 71.73; 4 of 6 passed; last three scores 72, 80, 90 + 5.
            Assert.That(data["overallScore"]!.GetValue<double>(), Is.EqualTo(0.717));
            Assert.That(data["passRate"]!.GetValue<double>(), Is.EqualTo(66.7));
            Assert.That(data["projectedNextScore"]!.GetValue<double>(), Is.EqualTo(85.7));
            Assert.That(data["grade"]!.GetValue<string>(), Is.EqualTo("C"));
            Assert.That(data["assessmentResults"]![0]!["title"]!.GetValue<string>(), Is.EqualTo("Test – perf-c2"));
            Assert.That(data["assessmentResults"]!.AsArray(), Has.Count.EqualTo(6));
        });
    }

    [Test]
    public async Task Get_SelfPacedCourseWithASingleSubmission_IsStableWithTheScoreAsProjection()
    {
        var (response, body) = await GetAsync("perf.g5@example.test", "perf-g5", "?courseId=perf-c2");
        using var _ = response;
        var data = body["data"]!;

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
            Assert.That(data["overallScore"]!.GetValue<double>(), Is.EqualTo(0.9));
            Assert.That(data["trend"]!.GetValue<string>(), Is.EqualTo("stable"));
            Assert.That(data["projectedNextScore"]!.GetValue<double>(), Is.EqualTo(90));
            Assert.That(data["passRate"]!.GetValue<double>(), Is.EqualTo(100));
            Assert.That(data["grade"]!.GetValue<string>(), Is.EqualTo("A"));
            Assert.That(data["strengths"]!.AsArray(), Is.Empty);
            Assert.That(body["cached"]!.GetValue<bool>(), Is.False);
        });
    }

    [TestCase("perf-c3")]
    [TestCase("no-such-course")]
    public async Task Get_WithACourseThatIsNotTheSubjects_Returns403(string courseId)
    {
        var (response, _) = await GetAsync("perf.g5@example.test", "perf-g5", $"?courseId={courseId}");
        using var __ = response;

        var body = await ApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "ACCESS_DENIED");
        Assert.That(body["detail"]!.GetValue<string>(), Is.EqualTo("You do not have access to this resource."));
    }

    [TestCase("bad%20id")]
    [TestCase("a'--")]
    public async Task Get_WithInvalidCourseId_Returns400NamingCourseId(string courseId)
    {
        var (response, _) = await GetAsync("perf.g5@example.test", "perf-g5", $"?courseId={courseId}");
        using var __ = response;

        var body = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.That(body["errors"]!["courseId"], Is.Not.Null);
    }

    [Test]
    public async Task Get_LearnerWithoutSubmissions_ReturnsTheNoDataShape()
    {
        var (response, body) = await GetAsync("perf.empty@example.test", "perf-empty");
        using var _ = response;
        var data = body["data"]!.AsObject();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(data["dataStatus"]!.GetValue<string>(), Is.EqualTo("no-data"));
            foreach (var scalar in new[] { "overallScore", "trend", "passRate", "projectedNextScore", "grade" })
            {
                Assert.That(data.ContainsKey(scalar) && data[scalar] is null, Is.True, scalar);
            }

            foreach (var list in new[] { "assessmentResults", "performanceHistory", "strengths", "weaknesses", "improvementAreas" })
            {
                Assert.That(data[list]!.AsArray(), Is.Empty, list);
            }
        });
    }
}
