using System.Net;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.TrainerAnalytics.Shared;

/// <summary>
/// Edge cases of ANALYTICS.md §0.1, §0.4 and §2 on tr-edge's open-ended self-paced course (<see cref="TrainerScenario"/>): only
/// enrolments of the last 365 days count, nobody is overdue, learners in two courses carry their learner-level engagement, and
/// one scored learner is far below k.
/// </summary>
public sealed class OpenEndedCourseTests
{
    [OneTimeSetUp]
    public Task SeedAsync() => TrainerScenario.EnsureAsync();

    [Test]
    public async Task CoursePerformance_OpenEndedCourse_CountsTheLast365DaysAndHasNoCompletionYet()
    {
        var token = await ApiClient.TokenAsync(TrainerScenario.Edge);

        using var response = await ApiClient.GetAsync("/api/v1/trainer/analytics/course-performance/tr-edge", token);
        var body = await ApiClient.ReadJsonAsync(response);

        var course = body["data"]!["courses"]![0]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
            Assert.That(course["id"]!.GetValue<string>(), Is.EqualTo("tr-co"));
            Assert.That(course["enrollments"]!.GetValue<int>(), Is.EqualTo(10), "tr-old enrolled more than 365 days ago");
            Assert.That(course["activeStudents"]!.GetValue<int>(), Is.EqualTo(0), "their activity is in another course");
            Assert.That(course.ContainsKey("completionRate") && course["completionRate"] is null, Is.True,
                "nobody finished, and without an end nobody is overdue");
            Assert.That(course["averageScore"], Is.Null, "one scored learner is below k");
            Assert.That(body["data"]!["suppressedFields"]!.AsArray().Select(f => f!.GetValue<string>()), Is.EqualTo(new[] { "courses[0].averageScore" }));
        });
    }

    [Test]
    public async Task CourseHealth_OpenEndedCourse_UsesLearnerLevelEngagementAndRenormalises()
    {
        var token = await ApiClient.TokenAsync(TrainerScenario.Edge);

        using var response = await ApiClient.GetAsync("/api/v1/trainer/analytics/course-health/tr-edge", token);
        var data = (await ApiClient.ReadJsonAsync(response))["data"]!;

        Assert.Multiple(() =>
        {
            // Engagement median of 5×82 and 5×0 = 41; retention 100; no completion, ratings or k scored learners:
            // (0.25·41 + 0.10·100) / 0.35 = 57.86 → 58.
            Assert.That(data["healthScore"]!.GetValue<int>(), Is.EqualTo(58));
            Assert.That(data["overallHealth"]!.GetValue<string>(), Is.EqualTo("unhealthy"));
            Assert.That(data["dataStatus"]!.GetValue<string>(), Is.EqualTo("partial"));
            Assert.That(data["componentsUsed"]!.AsArray().Select(c => c!.GetValue<string>()), Is.EqualTo(new[] { "engagement", "retention" }));
            Assert.That(data["metrics"]!["completion"]!["rate"], Is.Null);
            Assert.That(data["metrics"]!["satisfaction"]!["totalReviews"]!.GetValue<int>(), Is.EqualTo(0));
            Assert.That(data["recommendations"]![0]!["expectedImpact"]!.GetValue<string>(), Is.EqualTo("affects 5 students"));
        });
    }

    [Test]
    public async Task StudentDistribution_WithASingleScoredLearner_IsSuppressed()
    {
        var token = await ApiClient.TokenAsync(TrainerScenario.Edge);

        using var response = await ApiClient.GetAsync("/api/v1/trainer/analytics/student-distribution/tr-edge", token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(body["data"]!["courseId"]!.GetValue<string>(), Is.EqualTo("tr-co"));
            Assert.That(body["data"]!["suppressed"]!.GetValue<bool>(), Is.True);
            Assert.That(body["meta"]!["suppression"]!["reason"]!.GetValue<string>(), Is.EqualTo("GROUP_TOO_SMALL"));
        });
    }
}
