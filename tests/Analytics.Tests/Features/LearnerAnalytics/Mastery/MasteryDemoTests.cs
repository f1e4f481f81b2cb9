using System.Net;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.LearnerAnalytics.Mastery;

/// <summary>The demo users of API.md §2.6 read mastery; learner-123's two learning paths (SOURCES.md §2.3) are listed.</summary>
public sealed class MasteryDemoTests
{
    private const string Path = "/api/v1/learner/analytics/mastery/";

    [Test]
    public async Task DemoLearner_ReadsOwnMastery_WithBothLearningPaths()
    {
        var token = await ApiClient.TokenAsync("learner@test.com");

        using var response = await ApiClient.GetAsync(Path + "learner-123", token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var data = body["data"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(data["overallMastery"]!.GetValue<double>(), Is.InRange(0.0, 1.0));
            Assert.That(data["skillCategories"]!.AsArray(), Is.Not.Empty);
            Assert.That(data["masteryHistory"]!.AsArray(), Has.Count.EqualTo(12));
            Assert.That(data["milestones"]!.AsArray(), Has.Count.EqualTo(4));
            Assert.That(data["paths"]!.AsArray(), Has.Count.EqualTo(2));
            Assert.That(data["topicStatus"]!["mastered"]!.GetValue<int>()
                        + data["topicStatus"]!["inProgress"]!.GetValue<int>()
                        + data["topicStatus"]!["notStarted"]!.GetValue<int>(), Is.GreaterThan(0));
            Assert.That(data["dataStatus"]!.GetValue<string>(), Is.EqualTo("ok"));
            Assert.That(body["meta"]!["definitionVersion"]!.GetValue<string>(), Is.EqualTo("mastery@1.0"));
        });
    }

    [Test]
    public async Task DemoTrainer_ReadsAStudent_AndTwoLearnersGetDifferentMastery()
    {
        var trainer = await ApiClient.TokenAsync("trainer@test.com");
        var admin = await ApiClient.TokenAsync("admin@test.com");
        var other = await TestStore.ScalarAsync<string>(
            """
            SELECT u.id FROM lrs.users u JOIN lrs.user_roles r ON r.user_id = u.id AND r.role = 'learner'
            WHERE u.organisation_id = 'org-123' AND u.id NOT IN ('learner-123', 'supertester-999')
              AND EXISTS (SELECT 1 FROM lrs.learning_paths p WHERE p.user_id = u.id)
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
            Assert.That(b["paths"]!.AsArray(), Is.Not.Empty);
            Assert.That(b["skillCategories"]!.ToJsonString() + b["paths"]!.ToJsonString(),
                Is.Not.EqualTo(a["skillCategories"]!.ToJsonString() + a["paths"]!.ToJsonString()));
        });
    }
}
