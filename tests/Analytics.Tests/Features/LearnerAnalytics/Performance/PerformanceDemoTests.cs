using System.Net;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.LearnerAnalytics.Performance;

/// <summary>The demo users of API.md §2.6 read performance on the generated tiny store.</summary>
public sealed class PerformanceDemoTests
{
    [Test]
    public async Task DemoLearner_ReadsOwnPerformance_WithScoresFromTheStore()
    {
        var token = await ApiClient.TokenAsync("learner@test.com");
        var attempts = await TestStore.ScalarAsync<long>(
            "SELECT count(*) FROM lrs.submissions WHERE user_id = 'learner-123' AND NOT is_banked AND submitted_on <= DATE '2025-03-14'");

        using var response = await ApiClient.GetAsync("/api/v1/learner/analytics/performance/learner-123", token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var data = body["data"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(attempts, Is.GreaterThan(0), "learner-123 has submissions (SOURCES.md §2.3)");
            Assert.That(data["overallScore"]!.GetValue<double>(), Is.InRange(0.0, 1.0));
            Assert.That(data["grade"]!.GetValue<string>(), Is.AnyOf("A", "B", "C", "D", "F"));
            Assert.That(data["trend"]!.GetValue<string>(), Is.AnyOf("improving", "declining", "stable"));
            Assert.That(data["passRate"]!.GetValue<double>(), Is.InRange(0.0, 100.0));
            Assert.That(data["assessmentResults"]!.AsArray(), Has.Count.EqualTo(Math.Min(10, attempts)));
            Assert.That(data["assessmentResults"]![0]!["title"]!.GetValue<string>(), Is.Not.Empty);
            Assert.That(data["source"]!.GetValue<string>(), Is.EqualTo("demo"));
            Assert.That(data["asOf"]!.GetValue<string>(), Is.EqualTo(AnalyticsApiFactory.DemoEndDate));
            Assert.That(body["meta"]!["definitionVersion"]!.GetValue<string>(), Is.EqualTo("performance@1.0"));
        });
    }

    [Test]
    public async Task DemoOrgAdmin_ReadsTwoLearners_WhosePerformanceDiffers()
    {
        var other = await TestStore.ScalarAsync<string>(
            """
            SELECT u.id
            FROM lrs.users u
            WHERE u.organisation_id = 'org-123' AND u.id <> 'learner-123'
              AND EXISTS (SELECT 1 FROM lrs.submissions s WHERE s.user_id = u.id AND s.score_pct IS NOT NULL AND s.submitted_on <= DATE '2025-03-14')
            ORDER BY u.id
            LIMIT 1
            """);
        Assert.That(other, Is.Not.Null, "the tiny preset has other learners with scores in org-123");
        var token = await ApiClient.TokenAsync("admin@test.com");

        using var first = await ApiClient.GetAsync("/api/v1/learner/analytics/performance/learner-123", token);
        using var second = await ApiClient.GetAsync($"/api/v1/learner/analytics/performance/{other}", token);
        var a = (await ApiClient.ReadJsonAsync(first))["data"]!;
        var b = (await ApiClient.ReadJsonAsync(second))["data"]!;

        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(b["overallScore"]!.GetValue<double>(), Is.InRange(0.0, 1.0));
            Assert.That(b["assessmentResults"]!.ToJsonString(), Is.Not.EqualTo(a["assessmentResults"]!.ToJsonString()));
        });
    }

    [Test]
    public async Task DemoLearner_FiltersByOneOfOwnCoursesButNotAnotherCourse()
    {
        var own = await TestStore.ScalarAsync<string>(
            "SELECT course_id FROM lrs.enrolments WHERE user_id = 'learner-123' AND status = 'completed' ORDER BY course_id LIMIT 1");
        var foreign = await TestStore.ScalarAsync<string>(
            "SELECT c.id FROM lrs.courses c WHERE NOT EXISTS (SELECT 1 FROM lrs.enrolments e WHERE e.course_id = c.id AND e.user_id = 'learner-123') ORDER BY c.id LIMIT 1");
        var token = await ApiClient.TokenAsync("learner@test.com");

        using var mine = await ApiClient.GetAsync($"/api/v1/learner/analytics/performance/learner-123?courseId={own}", token);
        using var theirs = await ApiClient.GetAsync($"/api/v1/learner/analytics/performance/learner-123?courseId={foreign}", token);
        var data = (await ApiClient.ReadJsonAsync(mine))["data"]!;

        Assert.Multiple(() =>
        {
            Assert.That(mine.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            // The completed course was passed with steady scores of 74–82 (SOURCES.md §2.3).
            Assert.That(data["overallScore"]!.GetValue<double>(), Is.InRange(0.74, 0.82));
            Assert.That(data["passRate"]!.GetValue<double>(), Is.EqualTo(100));
        });
        await ApiClient.AssertProblemAsync(theirs, HttpStatusCode.Forbidden, "ACCESS_DENIED");
    }
}
