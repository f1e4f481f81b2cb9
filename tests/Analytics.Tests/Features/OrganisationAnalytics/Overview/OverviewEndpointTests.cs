using System.Net;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.OrganisationAnalytics.Overview;

/// <summary>`GET /org-admin/analytics/overview/{orgId}`: the four sections of API.md §4.3 in one envelope, each as read alone.</summary>
public sealed class OverviewEndpointTests
{
    private const string Path = "/api/v1/org-admin/analytics/overview/org-123";
    private DateTime _started;

    [OneTimeSetUp]
    public async Task StartAsync() => _started = await TestStore.ScalarAsync<DateTime>("SELECT now()");

    /// <summary>Reads of org-123 store its learners' snapshots; other fixtures expect demo learners without one.</summary>
    [OneTimeTearDown]
    public Task RemoveSnapshotsAsync() =>
        TestStore.ExecuteAsync(
            "DELETE FROM analytics.analytics_snapshots WHERE computed_at >= @started AND (organisation_id = 'org-123' OR subject_id = 'org-123')",
            new { started = _started });

    [Test]
    public async Task Get_AsTheDemoOrgAdmin_ReturnsTheFourSectionsAsEachEndpointDoes()
    {
        var token = await ApiClient.TokenAsync("admin@test.com");

        using var response = await ApiClient.GetAsync(Path, token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var data = body["data"]!.AsObject();
        var sections = new (string Section, string Analytic, string Headline)[]
        {
            ("learningVelocity", "learning-velocity", "period"),
            ("strategicAlignment", "strategic-alignment", "overallAlignment"),
            ("learningCulture", "learning-culture", "overallCultureScore"),
            ("orgPerformance", "org-performance", "overallPerformance"),
        };
        foreach (var (section, analytic, headline) in sections)
        {
            using var single = await ApiClient.GetAsync($"/api/v1/org-admin/analytics/{analytic}/org-123", token);
            var alone = (await ApiClient.ReadJsonAsync(single))["data"]!;
            Assert.Multiple(() =>
            {
                Assert.That(data[section]!["definitionVersion"]!.GetValue<string>(), Is.EqualTo($"{analytic}@1.0"));
                Assert.That(data[section]![headline]?.ToJsonString(), Is.EqualTo(alone[headline]?.ToJsonString()), $"{section}.{headline}");
                Assert.That(data[section]!["staleness"]!.GetValue<string>(), Is.EqualTo("fresh"));
            });
        }

        Assert.Multiple(() =>
        {
            Assert.That(data["organisationId"]!.GetValue<string>(), Is.EqualTo("org-123"));
            Assert.That(data["lastUpdated"]!.GetValue<string>(), Does.EndWith("Z"));
            Assert.That(data["learningVelocity"]!["overview"]!["totalEmployees"]!.GetValue<int>(), Is.GreaterThan(0));
            Assert.That(body["meta"]!["subject"]!["type"]!.GetValue<string>(), Is.EqualTo("organisation"));
        });
    }

    [Test]
    public async Task Get_AsAnOrgAdminOfAnotherOrganisation_Returns403()
    {
        await TestStore.OrganisationAsync("oo-other", new DateOnly(2025, 3, 15));
        await TestStore.UserAsync("oo-admin", "oo-other", "oo.admin@example.test", "org-admin");
        var token = await ApiClient.TokenAsync("oo.admin@example.test");

        using var response = await ApiClient.GetAsync(Path, token);

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "ACCESS_DENIED");
    }

    [Test]
    public async Task Get_AsALearner_Returns403RoleNotPermitted()
    {
        var token = await ApiClient.TokenAsync("learner@test.com");

        using var response = await ApiClient.GetAsync(Path, token);

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "ROLE_NOT_PERMITTED");
    }
}
