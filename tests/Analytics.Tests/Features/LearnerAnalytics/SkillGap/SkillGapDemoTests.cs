using System.Net;
using System.Text.Json.Nodes;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.LearnerAnalytics.SkillGap;

/// <summary>The demo users of API.md §2.6 read skill gaps; learner-123's fixed profile (SOURCES.md §2.3) gives the promised gaps.</summary>
public sealed class SkillGapDemoTests
{
    private const string Path = "/api/v1/learner/analytics/skill-gap/";

    [Test]
    public async Task DemoLearner_ReadsOwnSkillGaps_WithExactlyThePromisedThreeGaps()
    {
        var token = await ApiClient.TokenAsync("learner@test.com");

        using var response = await ApiClient.GetAsync(Path + "learner-123", token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var data = body["data"]!.AsObject();
        var gaps = data["skills"]!.AsArray().Where(s => s!["gap"]!.GetValue<int>() > 0).ToArray();
        Assert.Multiple(() =>
        {
            // One gap of 2 at critical priority and two of 1 at medium or low priority.
            Assert.That(gaps.Select(s => s!["gap"]!.GetValue<int>()).Order(), Is.EqualTo(new[] { 1, 1, 2 }));
            Assert.That(gaps.Single(s => s!["gap"]!.GetValue<int>() == 2)!["businessImpact"]!.GetValue<int>(), Is.EqualTo(100));
            Assert.That(gaps.Where(s => s!["gap"]!.GetValue<int>() == 1).Select(s => s!["businessImpact"]!.GetValue<int>()), Is.All.LessThanOrEqualTo(50));
            Assert.That(gaps.Select(s => s!["isCritical"]!.GetValue<bool>()), Is.EquivalentTo(new[] { true, false, false }));
            Assert.That(data["summary"]!["criticalGaps"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(data["summary"]!["totalTargetSkills"]!.GetValue<int>(), Is.EqualTo(data["skills"]!.AsArray().Count));
            Assert.That(data["skills"]!.AsArray(), Has.Count.GreaterThan(3));
            Assert.That(data["categories"]!.AsArray(), Is.Not.Empty);
            Assert.That(data["source"]!.GetValue<string>(), Is.EqualTo("demo"));
            Assert.That(data["asOf"]!.GetValue<string>(), Is.EqualTo(AnalyticsApiFactory.DemoEndDate));
        });
    }

    [Test]
    public async Task DemoTrainer_ReadsAStudent_AndTwoLearnersGetDifferentMatrices()
    {
        var trainer = await ApiClient.TokenAsync("trainer@test.com");
        var admin = await ApiClient.TokenAsync("admin@test.com");
        var other = await TestStore.ScalarAsync<string>(
            """
            SELECT u.id FROM lrs.users u JOIN lrs.user_roles r ON r.user_id = u.id AND r.role = 'learner'
            WHERE u.organisation_id = 'org-123' AND u.id NOT IN ('learner-123', 'supertester-999')
              AND EXISTS (SELECT 1 FROM lrs.user_skills s WHERE s.user_id = u.id)
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
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK), other);
            Assert.That(b["skills"]!.AsArray(), Is.Not.Empty);
            Assert.That(Levels(b), Is.Not.EqualTo(Levels(a)), $"learner-123 and {other} have the same levels");
        });
    }

    private static string[] Levels(JsonNode data) =>
        data["skills"]!.AsArray().Select(s => $"{s!["id"]}:{s["currentLevel"]}:{s["targetLevel"]}").Order(StringComparer.Ordinal).ToArray();
}
