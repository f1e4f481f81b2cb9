using System.Net;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.LearnerAnalytics.Velocity;

/// <summary>The demo users of API.md §2.6 log in and read velocity; learner-123's scripted profile gives the promised answer.</summary>
public sealed class VelocityDemoTests
{
    [Test]
    public async Task DemoLearner_LogsInAndReadsOwnVelocity_WhichIsSlowing()
    {
        var token = await ApiClient.TokenAsync("learner@test.com");

        using var response = await ApiClient.GetAsync("/api/v1/learner/analytics/velocity/learner-123", token);
        var body = await ApiClient.ReadJsonAsync(response);

        var data = body["data"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
            // Units on asOf−12 and asOf−10 and none since (SOURCES.md §2.3): p7 = 2, v7 = 0.
            Assert.That(data["momentum"]!.GetValue<string>(), Is.EqualTo("slowing"));
            Assert.That(data["timeWindows"]!["7d"]!["velocity"]!.GetValue<int>(), Is.EqualTo(0));
            Assert.That(data["unitsPerWeek"]!["7d"]!.GetValue<double>(), Is.EqualTo(0));
            Assert.That(data["asOf"]!.GetValue<string>(), Is.EqualTo(AnalyticsApiFactory.DemoEndDate));
            Assert.That(data["source"]!.GetValue<string>(), Is.EqualTo("demo"));
            Assert.That(body["meta"]!["source"]!.GetValue<string>(), Is.EqualTo("demo"));
            Assert.That(body["meta"]!["dataAsOf"]!.GetValue<string>(), Does.EndWith("Z"));
            Assert.That(data["velocityHistory"]!.AsArray(), Has.Count.EqualTo(12));
        });
    }

    [Test]
    public async Task DemoTrainer_ReadsAStudentButNotOtherLearners()
    {
        var token = await ApiClient.TokenAsync("trainer@test.com");

        using var student = await ApiClient.GetAsync("/api/v1/learner/analytics/velocity/learner-123", token);
        using var stranger = await ApiClient.GetAsync("/api/v1/learner/analytics/velocity/operator-000", token);

        Assert.That(student.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await ApiClient.AssertProblemAsync(stranger, HttpStatusCode.Forbidden, "ACCESS_DENIED");
    }

    [Test]
    public async Task DemoSupertester_AsLearnerCannotUseTrainerScopeAndAsTrainerCannotReadOwnLearnerData()
    {
        var login = await ApiClient.LoginAsync("supertester@test.com");
        var token = login["token"]!.GetValue<string>();

        using var asLearner = await ApiClient.GetAsync("/api/v1/learner/analytics/velocity/learner-123", token, "learner");
        using var asTrainer = await ApiClient.GetAsync("/api/v1/learner/analytics/velocity/learner-123", token, "trainer");
        using var ownAsLearner = await ApiClient.GetAsync("/api/v1/learner/analytics/velocity/supertester-999", token, "learner");

        Assert.Multiple(() =>
        {
            Assert.That(login["user"]!["roles"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { "learner", "trainer", "org-admin" }));
            Assert.That(asTrainer.StatusCode, Is.EqualTo(HttpStatusCode.OK), "learner-123 studies with supertester-999");
            Assert.That(ownAsLearner.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
        await ApiClient.AssertProblemAsync(asLearner, HttpStatusCode.Forbidden, "ACCESS_DENIED");
    }
}
