using System.Net;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.LearnerAnalytics.ContentEffectiveness;

/// <summary>The demo users of API.md §2.6 read content effectiveness; learner-123 is active daily with minutes (SOURCES.md §2.3).</summary>
public sealed class ContentEffectivenessDemoTests
{
    private const string Path = "/api/v1/learner/analytics/content-effectiveness/";

    [Test]
    public async Task DemoLearner_ReadsOwnContentEffectiveness_WithTimeSpentAndEngagement()
    {
        var token = await ApiClient.TokenAsync("learner@test.com");

        using var response = await ApiClient.GetAsync(Path + "learner-123", token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var data = body["data"]!.AsObject();
        var types = data["contentTypes"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(types, Is.Not.Empty);
            Assert.That(types.Select(t => t!["id"]!.GetValue<string>()), Is.All.StartWith("type-"));
            Assert.That(types.Sum(t => t!["timeSpent"]!.GetValue<int>()), Is.GreaterThan(0), "active daily with 5 minutes");
            Assert.That(types.Any(t => t!["engagementScore"]!.GetValue<double>() > 0), Is.True);
            Assert.That(types.Select(t => t!["completionRate"]!.GetValue<double>()), Is.All.InRange(0.0, 1.0));
            Assert.That(data["notAvailable"]!.AsArray().Select(p => p!.GetValue<string>()), Does.Not.Contain("contentTypes[].timeSpent"));
            Assert.That(data["dataStatus"]!.GetValue<string>(), Is.EqualTo("ok"));
            Assert.That(body["meta"]!["definitionVersion"]!.GetValue<string>(), Is.EqualTo("content-effectiveness@1.0"));
        });
    }

    [Test]
    public async Task DemoTrainer_ReadsAStudent_AndTwoLearnersGetDifferentValues()
    {
        var trainer = await ApiClient.TokenAsync("trainer@test.com");
        var admin = await ApiClient.TokenAsync("admin@test.com");
        var other = await TestStore.ScalarAsync<string>(
            """
            SELECT u.id FROM lrs.users u JOIN lrs.user_roles r ON r.user_id = u.id AND r.role = 'learner'
            WHERE u.organisation_id = 'org-123' AND u.id NOT IN ('learner-123', 'supertester-999')
              AND EXISTS (SELECT 1 FROM lrs.activity_days a WHERE a.user_id = u.id AND a.day > DATE '2025-01-01')
            ORDER BY u.id LIMIT 1
            """);

        using var student = await ApiClient.GetAsync(Path + "learner-123", trainer);
        using var first = await ApiClient.GetAsync(Path + "learner-123", admin);
        using var second = await ApiClient.GetAsync(Path + other, admin);
        var a = (await ApiClient.ReadJsonAsync(first))["data"]!;
        var b = (await ApiClient.ReadJsonAsync(second))["data"]!;

        Assert.Multiple(() =>
        {
            Assert.That(student.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK), other);
            Assert.That(b["contentTypes"]!.AsArray(), Is.Not.Empty);
            Assert.That(b["contentTypes"]!.ToJsonString(), Is.Not.EqualTo(a["contentTypes"]!.ToJsonString()));
        });
    }
}
