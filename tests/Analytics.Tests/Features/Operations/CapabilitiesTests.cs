using System.Net;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.Operations;

/// <summary>`GET /capabilities` (API.md §4.0, SOURCES.md §1.4): per role held, each analytic and its availability under the sources.</summary>
public sealed class CapabilitiesTests
{
    [Test]
    public async Task Get_DemoMultiRoleUser_ListsEveryRoleAndTheDemoSourceSupportsTheLearnerAnalytics()
    {
        var token = await ApiClient.TokenAsync("supertester@test.com");

        using var response = await ApiClient.GetAsync("/api/v1/capabilities", token);
        var body = await ApiClient.ReadJsonAsync(response);

        var rows = body["analytics"]!.AsArray().Select(r => (
            Role: r!["role"]!.GetValue<string>(),
            Analytic: r["analytic"]!.GetValue<string>(),
            Status: r["status"]!.GetValue<string>())).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
            Assert.That(body["organisationId"]!.GetValue<string>(), Is.EqualTo("org-123"));
            Assert.That(body["sourceMode"]!.GetValue<string>(), Is.EqualTo("demo"));
            Assert.That(rows.Select(r => r.Role).Distinct(), Is.EquivalentTo(new[] { "learner", "trainer", "org-admin" }));
            Assert.That(rows.Where(r => r.Role == "learner").Select(r => r.Analytic),
                Is.SupersetOf(new[] { "velocity", "skill-gap", "engagement", "mastery", "performance", "content-effectiveness" }));
            Assert.That(rows.Single(r => r.Role == "learner" && r.Analytic == "velocity").Status, Is.EqualTo("available"));
            Assert.That(rows.Single(r => r.Role == "trainer" && r.Analytic == "course-health").Status, Is.Not.EqualTo("unavailable"));
            Assert.That(rows.Single(r => r.Role == "learner" && r.Analytic == "peer-comparison").Status, Is.EqualTo("available"));
        });
    }

    [Test]
    public async Task Get_OrganisationWhoseSourcesLackAKind_MarksItsAnalyticsUnavailableWithTheMissingKinds()
    {
        await TestStore.OrganisationAsync("cap-org", new DateOnly(2025, 3, 15));
        await TestStore.UserAsync("cap-learner", "cap-org", "cap.learner@example.test", "learner");
        await TestStore.ExecuteAsync(
            """
            INSERT INTO ops.organisation_sources (organisation_id, source, provides)
            VALUES ('cap-org', 'demo', ARRAY['activity_days', 'sessions', 'submissions', 'assessments', 'content_items'])
            """);
        var token = await ApiClient.TokenAsync("cap.learner@example.test");

        using var response = await ApiClient.GetAsync("/api/v1/capabilities", token);
        var rows = (await ApiClient.ReadJsonAsync(response))["analytics"]!.AsArray();

        var velocity = rows.Single(r => r!["analytic"]!.GetValue<string>() == "velocity")!;
        var engagement = rows.Single(r => r!["analytic"]!.GetValue<string>() == "engagement")!;
        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => r!["role"]!.GetValue<string>()).Distinct(), Is.EqualTo(new[] { "learner" }));
            Assert.That(velocity["status"]!.GetValue<string>(), Is.EqualTo("unavailable"));
            Assert.That(velocity["missing"]!.AsArray().Select(m => m!.GetValue<string>()), Is.EqualTo(new[] { "topic_completions" }));
            Assert.That(engagement["status"]!.GetValue<string>(), Is.EqualTo("partial"));
            Assert.That(engagement["missing"]!.AsArray().Select(m => m!.GetValue<string>()), Is.EquivalentTo(new[] { "practice_sessions", "help_requests" }));
        });
    }

    [Test]
    public async Task Get_WithoutToken_Returns401()
    {
        using var response = await ApiClient.GetAsync("/api/v1/capabilities", null);

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "MISSING_TOKEN");
    }
}
