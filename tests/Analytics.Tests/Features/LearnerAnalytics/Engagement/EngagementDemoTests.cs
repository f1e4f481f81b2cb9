using System.Net;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.LearnerAnalytics.Engagement;

/// <summary>The demo users of API.md §2.6 read engagement; learner-123's scripted profile (SOURCES.md §2.3) gives engagement 40–49.</summary>
public sealed class EngagementDemoTests
{
    [Test]
    public async Task DemoLearner_ReadsOwnEngagement_WhichIsInThe40s()
    {
        var token = await ApiClient.TokenAsync("learner@test.com");

        using var response = await ApiClient.GetAsync("/api/v1/learner/analytics/engagement/learner-123", token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var data = body["data"]!.AsObject();
        Assert.Multiple(() =>
        {
            // Active on each of the last 10 days (L = 100) with 2 events and 5 minutes: low S and V keep the score below 50.
            Assert.That(data["overallEngagement"]!.GetValue<int>(), Is.InRange(40, 49));
            Assert.That(data["band"]!.GetValue<string>(), Is.EqualTo("at-risk"));
            Assert.That(data["components"]!["loginFrequency"]!.GetValue<double>(), Is.EqualTo(100));
            Assert.That(data["components"]!["sessionDuration"]!.GetValue<double>(), Is.InRange(0.1, 99.9), "the demo supplies sessions");
            Assert.That(data["dataStatus"]!.GetValue<string>(), Is.EqualTo("ok"));
            Assert.That(data["source"]!.GetValue<string>(), Is.EqualTo("demo"));
            Assert.That(data["asOf"]!.GetValue<string>(), Is.EqualTo(AnalyticsApiFactory.DemoEndDate));
            Assert.That(data["timeSpent"]!["total"]!.GetValue<double>(), Is.GreaterThan(0));
            Assert.That(data["interactionRate"]!["current"]!.GetValue<double>(), Is.InRange(0.001, 1));
            Assert.That(data["sessionFrequency"]!["daily"]!.GetValue<double>(), Is.GreaterThanOrEqualTo(10 / 14.0 - 0.001));
            Assert.That(data["sessionFrequency"]!["weekly"]!.GetValue<double>(), Is.GreaterThan(0.9));
            Assert.That(data["engagementHistory"]!.AsArray(), Has.Count.EqualTo(12));
            Assert.That(body["meta"]!["definitionVersion"]!.GetValue<string>(), Is.EqualTo("engagement@1.0"));
        });
    }

    [Test]
    public async Task DemoOrgAdmin_ReadsTwoLearners_WhoseEngagementDiffers()
    {
        var other = await TestStore.ScalarAsync<string>(
            """
            SELECT u.id
            FROM lrs.users u
            JOIN lrs.user_roles r ON r.user_id = u.id AND r.role = 'learner'
            WHERE u.organisation_id = 'org-123' AND u.id <> 'learner-123'
              AND EXISTS (SELECT 1 FROM lrs.activity_days a WHERE a.user_id = u.id AND a.day > DATE '2025-03-14' - 14)
            ORDER BY u.id
            LIMIT 1
            """);
        Assert.That(other, Is.Not.Null, "the tiny preset has other active learners in org-123");
        var token = await ApiClient.TokenAsync("admin@test.com");

        using var first = await ApiClient.GetAsync("/api/v1/learner/analytics/engagement/learner-123", token);
        using var second = await ApiClient.GetAsync($"/api/v1/learner/analytics/engagement/{other}", token);
        var a = (await ApiClient.ReadJsonAsync(first))["data"]!;
        var b = (await ApiClient.ReadJsonAsync(second))["data"]!;

        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(b["overallEngagement"]!.GetValue<int>(), Is.InRange(0, 100));
            Assert.That(b["components"]!.ToJsonString() + b["engagementHistory"]!.ToJsonString(),
                Is.Not.EqualTo(a["components"]!.ToJsonString() + a["engagementHistory"]!.ToJsonString()));
        });
    }

    [Test]
    public async Task DemoTrainer_ReadsAStudentButNotOtherLearners()
    {
        var token = await ApiClient.TokenAsync("trainer@test.com");

        using var student = await ApiClient.GetAsync("/api/v1/learner/analytics/engagement/learner-123", token);
        using var stranger = await ApiClient.GetAsync("/api/v1/learner/analytics/engagement/operator-000", token);

        Assert.That(student.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await ApiClient.AssertProblemAsync(stranger, HttpStatusCode.Forbidden, "ACCESS_DENIED");
    }
}
