using System.Net;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.LearnerAnalytics.Overview;

/// <summary>The learner overview (API.md §4.1): every section in one envelope, each with its own freshness, same access rules.</summary>
public sealed class OverviewEndpointTests
{
    private static readonly string[] Sections = ["learningVelocity", "skillGap", "engagement", "mastery", "performance", "contentEffectiveness"];

    [Test]
    public async Task Get_DemoLearner_ReturnsEverySectionWithItsOwnFreshness()
    {
        var token = await ApiClient.TokenAsync("learner@test.com");

        using var response = await ApiClient.GetAsync("/api/v1/learner/analytics/overview/learner-123", token);
        var body = await ApiClient.ReadJsonAsync(response);

        var data = body["data"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
            Assert.That(data["userId"]!.GetValue<string>(), Is.EqualTo("learner-123"));
            Assert.That(data["status"]!.GetValue<string>(), Is.AnyOf("ok", "partial", "no-data"));
            Assert.That(data["lastUpdated"]!.GetValue<string>(), Does.EndWith("Z"));
            foreach (var section in Sections)
            {
                var part = data[section]!.AsObject();
                Assert.That(part["definitionVersion"]!.GetValue<string>(), Does.EndWith("@1.0"), section);
                Assert.That(part["lastUpdated"]!.GetValue<string>(), Does.EndWith("Z"), section);
                Assert.That(part["isStale"]!.GetValue<bool>(), Is.False, section);
                Assert.That(part["staleness"]!.GetValue<string>(), Is.EqualTo("fresh"), section);
            }

            Assert.That(data["learningVelocity"]!["momentum"]!.GetValue<string>(), Is.EqualTo("slowing"));
            Assert.That(body["meta"]!["subject"]!["type"]!.GetValue<string>(), Is.EqualTo("learner"));
            Assert.That(body.ContainsKey("meta") && body["meta"]!["definitionVersion"] is null, Is.True, "overviews carry no single definition version");
            Assert.That(response.Headers.ETag, Is.Not.Null);
        });
    }

    [Test]
    public async Task Get_AfterEverySectionWasRead_IsServedFromMemoryAndComputedOnlyOnce()
    {
        var token = await ApiClient.TokenAsync("supertester@test.com");
        using var first = await ApiClient.GetAsync("/api/v1/learner/analytics/overview/supertester-999", token, "learner");
        var cold = await ApiClient.ReadJsonAsync(first);

        using var second = await ApiClient.GetAsync("/api/v1/learner/analytics/overview/supertester-999", token, "learner");
        var warm = await ApiClient.ReadJsonAsync(second);

        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK), cold.ToJsonString());
            Assert.That(cold["meta"]!["servedFrom"]!.GetValue<string>(), Is.EqualTo("computed"));
            Assert.That(cold["cached"]!.GetValue<bool>(), Is.False);
            Assert.That(warm["meta"]!["servedFrom"]!.GetValue<string>(), Is.EqualTo("memory"));
            Assert.That(warm["cached"]!.GetValue<bool>(), Is.True);
            Assert.That(warm["data"]!["engagement"]!["overallEngagement"]?.ToJsonString(),
                Is.EqualTo(cold["data"]!["engagement"]!["overallEngagement"]?.ToJsonString()));
        });
    }

    [Test]
    public async Task Get_SectionsMatchTheSingleAnalyticEndpoints()
    {
        var token = await ApiClient.TokenAsync("learner@test.com");

        using var overview = await ApiClient.GetAsync("/api/v1/learner/analytics/overview/learner-123", token);
        using var engagement = await ApiClient.GetAsync("/api/v1/learner/analytics/engagement/learner-123", token);
        using var skillGap = await ApiClient.GetAsync("/api/v1/learner/analytics/skill-gap/learner-123", token);
        var data = (await ApiClient.ReadJsonAsync(overview))["data"]!;
        var engagementData = (await ApiClient.ReadJsonAsync(engagement))["data"]!;
        var skillGapData = (await ApiClient.ReadJsonAsync(skillGap))["data"]!;

        Assert.Multiple(() =>
        {
            Assert.That(data["engagement"]!["overallEngagement"]!.GetValue<int>(), Is.EqualTo(engagementData["overallEngagement"]!.GetValue<int>()));
            Assert.That(data["skillGap"]!["skills"]!.AsArray(), Has.Count.EqualTo(skillGapData["skills"]!.AsArray().Count));
        });
    }
}
