using System.Net;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.Gamification;

/// <summary>The demo learner's promised profile (SOURCES.md §2.3): a current streak of at least 5 days with a freeze, and 3 badges or more.</summary>
public sealed class GamificationDemoTests
{
    [Test]
    public async Task DemoLearner_HasAStreakOfAtLeast5WithAFreeze_AndAtLeast3Badges()
    {
        var token = await ApiClient.TokenAsync("learner@test.com");

        using var streak = await ApiClient.GetAsync("/api/v1/gamification/streak/learner-123", token);
        using var stats = await ApiClient.GetAsync("/api/v1/gamification/stats/learner-123", token);
        var streakData = (await ApiClient.ReadJsonAsync(streak))["data"]!;
        var statsData = (await ApiClient.ReadJsonAsync(stats))["data"]!;

        TestContext.Out.WriteLine(streakData.ToJsonString());
        TestContext.Out.WriteLine(statsData.ToJsonString());
        Assert.Multiple(() =>
        {
            Assert.That(streak.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(streakData["currentStreak"]!.GetValue<int>(), Is.GreaterThanOrEqualTo(5));
            Assert.That(streakData["freezesHeld"]!.GetValue<int>(), Is.GreaterThanOrEqualTo(1));
            Assert.That(statsData["badges"]!.AsArray(), Has.Count.GreaterThanOrEqualTo(3));
            Assert.That(statsData["totalPoints"]!.GetValue<long>(), Is.GreaterThan(0));
        });
    }
}
