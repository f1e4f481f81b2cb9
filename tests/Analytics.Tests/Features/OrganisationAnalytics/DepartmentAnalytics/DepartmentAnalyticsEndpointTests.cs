using System.Net;
using System.Text.Json.Nodes;
using Analytics.Tests.Features.OrganisationAnalytics.LearningVelocity;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.OrganisationAnalytics.DepartmentAnalytics;

/// <summary>
/// The department-analytics endpoint end to end on the rows of <see cref="OrgVelocitySeed"/>: ANALYTICS.md §3.5 through SQL,
/// the privacy case (Sales, 9 people, is suppressed; Engineering, 10, is shown), and the access rules of API.md §3.3–§3.4.
/// </summary>
public sealed class DepartmentAnalyticsEndpointTests
{
    private const string Path = "/api/v1/org-admin/analytics/department-analytics/";

    [OneTimeSetUp]
    public Task SeedAsync() => OrgVelocitySeed.EnsureAsync();

    private static async Task<(HttpResponseMessage Response, JsonObject Body)> GetAsync(string query = "", string email = OrgVelocitySeed.AdminEmail)
    {
        var token = await ApiClient.TokenAsync(email);
        var response = await ApiClient.GetAsync(Path + OrgVelocitySeed.Org + query, token);
        return (response, await ApiClient.ReadJsonAsync(response));
    }

    [Test]
    public async Task Get_DepartmentOfNineIsLeftOutAndCountedWhileTheOneOfTenIsShown()
    {
        var (response, body) = await GetAsync();
        using var _ = response;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var data = body["data"]!.AsObject();
        var departments = data["departments"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(data["organisationId"]!.GetValue<string>(), Is.EqualTo(OrgVelocitySeed.Org));
            Assert.That(departments.Select(d => d!["department"]!["id"]!.GetValue<string>()), Is.EqualTo(new[] { "ov-eng", "ov-fin" }));
            Assert.That(body.ToJsonString(), Does.Not.Contain("ov-sal"));
            Assert.That(body["meta"]!["suppression"]!["reason"]!.GetValue<string>(), Is.EqualTo("SEGMENTS_TOO_SMALL"));
            Assert.That(body["meta"]!["suppression"]!["suppressedSegments"]!.GetValue<int>(), Is.EqualTo(2), "Sales (9) and the empty department");
            Assert.That(data["definitionVersion"]!.GetValue<string>(), Is.EqualTo("department-analytics@1.0"));
            Assert.That(data["asOf"]!.GetValue<string>(), Is.EqualTo("2025-03-14"));
            Assert.That(data.ContainsKey("suppressed"), Is.False);
        });
    }

    [Test]
    public async Task Get_SeededOrganisation_ReturnsEachDepartmentsFiguresWithTheirScales()
    {
        var (response, body) = await GetAsync();
        using var _ = response;

        var engineering = body["data"]!["departments"]![0]!.AsObject();
        var finance = body["data"]!["departments"]![1]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(engineering.Select(p => p.Key), Is.EquivalentTo(new[]
            {
                "department", "metrics", "trends", "insights", "skillCoveragePct", "passRatePct", "avgTimeToCompleteDays", "rank", "percentile",
            }));
            Assert.That(engineering["department"]!["name"]!.GetValue<string>(), Is.EqualTo("Engineering"));
            var metrics = engineering["metrics"]!;
            Assert.That(metrics["totalLearners"]!.GetValue<int>(), Is.EqualTo(10));
            Assert.That(metrics["activeLearners"]!.GetValue<int>(), Is.EqualTo(6));
            Assert.That(metrics["completionRate"]!.GetValue<double>(), Is.EqualTo(1.0));
            Assert.That(metrics["averageScore"]!.GetValue<double>(), Is.EqualTo(0.7));
            Assert.That(metrics["engagementScore"]!.GetValue<double>(), Is.EqualTo(0.6));
            Assert.That(engineering["trends"]!["learningVelocity"]!.GetValue<string>(), Is.EqualTo("stable"));
            Assert.That(engineering["trends"]!["engagement"]!.GetValue<string>(), Is.EqualTo("increasing"));
            Assert.That(engineering["trends"]!["skillDevelopment"]!.GetValue<string>(), Is.EqualTo("decreasing"));
            Assert.That(engineering["skillCoveragePct"]!.GetValue<double>(), Is.EqualTo(40.0));
            Assert.That(engineering["passRatePct"]!.GetValue<double>(), Is.EqualTo(50.0));
            Assert.That(engineering["avgTimeToCompleteDays"]!.GetValue<double>(), Is.EqualTo(56.2));
            Assert.That(engineering["rank"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(engineering["percentile"]!.GetValue<int>(), Is.EqualTo(100));
            Assert.That(engineering["insights"]![0]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "type", "message", "impact" }));
            Assert.That(engineering["insights"]!.AsArray().Select(i => i!["type"]!.GetValue<string>()), Is.All.EqualTo("success"));

            Assert.That(finance["metrics"]!["completionRate"], Is.Null);
            Assert.That(finance["metrics"]!["engagementScore"]!.GetValue<double>(), Is.EqualTo(0.5));
            Assert.That(finance["skillCoveragePct"]!.GetValue<double>(), Is.EqualTo(100.0));
            Assert.That(finance["trends"]!["learningVelocity"]!.GetValue<string>(), Is.EqualTo("decreasing"));
            Assert.That(finance["trends"]!["skillDevelopment"]!.GetValue<string>(), Is.EqualTo("increasing"));
            Assert.That(finance["rank"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(finance["percentile"]!.GetValue<int>(), Is.EqualTo(0));
        });
    }

    [TestCase("?department=ov-sal")]
    [TestCase("?departmentId=ov-sal")]
    public async Task Get_AskingForTheDepartmentOfNine_ReturnsTheSuppressedResponse(string query)
    {
        var (response, body) = await GetAsync(query);
        using var _ = response;

        var data = body["data"]!;
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(data["suppressed"]!.GetValue<bool>(), Is.True);
            Assert.That(data["message"]!.GetValue<string>(), Is.EqualTo("Insufficient data: fewer than 10 people in this group."));
            Assert.That(data["departments"]!.AsArray(), Is.Empty);
            Assert.That(data["organisationId"]!.GetValue<string>(), Is.EqualTo(OrgVelocitySeed.Org));
            Assert.That(body["meta"]!["suppression"]!["reason"]!.GetValue<string>(), Is.EqualTo("GROUP_TOO_SMALL"));
            Assert.That(body["meta"]!["suppression"]!["minGroupSize"]!.GetValue<int>(), Is.EqualTo(10));
            Assert.That(body["meta"]!["suppression"]!["suppressedSegments"]!.GetValue<int>(), Is.EqualTo(0));
        });
    }

    [TestCase("?department=ov-fin")]
    [TestCase("?departmentId=ov-fin")]
    public async Task Get_AskingForTheDepartmentOfEleven_ReturnsItWithItsRankAmongAll(string query)
    {
        var (response, body) = await GetAsync(query);
        using var _ = response;

        var departments = body["data"]!["departments"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
            Assert.That(departments.Select(d => d!["department"]!["id"]!.GetValue<string>()), Is.EqualTo(new[] { "ov-fin" }));
            Assert.That(departments[0]!["rank"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(body["meta"]!["suppression"], Is.Null);
        });
    }

    [Test]
    public async Task Get_WithDifferentDepartmentAndAlias_Returns400()
    {
        var (response, _) = await GetAsync("?department=ov-eng&departmentId=ov-fin");
        using var __ = response;

        var problem = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.That(problem["errors"]!["department"], Is.Not.Null);
    }

    [TestCase("?department=bad%20id", "department")]
    [TestCase("?departmentId=x'--", "departmentId")]
    public async Task Get_WithAnInvalidDepartment_Returns400NamingIt(string query, string parameter)
    {
        var (response, _) = await GetAsync(query);
        using var __ = response;

        var problem = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.That(problem["errors"]![parameter], Is.Not.Null);
    }

    [TestCase("?department=ov-nope")]
    [TestCase("?department=ov-oth")]
    public async Task Get_WithADepartmentOutsideTheOrganisation_Returns403(string query)
    {
        var (response, _) = await GetAsync(query);
        using var __ = response;

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "ACCESS_DENIED");
    }

    [Test]
    public async Task Get_AdminOfAnotherOrganisation_Returns403()
    {
        var (response, _) = await GetAsync(email: OrgVelocitySeed.OtherAdminEmail);
        using var __ = response;

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "ACCESS_DENIED");
    }

    [TestCase("learner")]
    [TestCase("trainer")]
    public async Task Get_WithALearnerOrTrainerActiveRole_Returns403RoleNotPermitted(string activeRole)
    {
        var token = await ApiClient.TokenAsync(OrgVelocitySeed.MultiEmail);
        using var response = await ApiClient.GetAsync(Path + OrgVelocitySeed.OtherOrg, token, activeRole);

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "ROLE_NOT_PERMITTED");
    }

    [Test]
    public async Task Get_DemoOrgAdmin_ReadsEveryFieldWithItsType()
    {
        using var response = await OrgVelocitySeed.ReadDemoAsync(Path + "org-123");
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var data = body["data"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(data.Select(p => p.Key), Is.SupersetOf(new[]
            {
                "organisationId", "departments", "lastUpdated", "isStale", "staleness", "asOf", "source", "degraded", "definitionVersion",
                "dataStatus", "notAvailable",
            }));
            Assert.That(data["organisationId"]!.GetValue<string>(), Is.EqualTo("org-123"));
            Assert.That(data["definitionVersion"]!.GetValue<string>(), Is.EqualTo("department-analytics@1.0"));
            // 7 demo departments; Legal (6 learners) is below k (FixedDemo).
            Assert.That(data["departments"]!.AsArray().Select(d => d!["department"]!["name"]!.GetValue<string>()).ToArray(), Has.Length.EqualTo(6));
            Assert.That(data["departments"]!.AsArray().Select(d => d!["department"]!["name"]!.GetValue<string>()).ToArray(), Does.Not.Contain("Legal"));
            Assert.That(body["meta"]!["suppression"]!["reason"]!.GetValue<string>(), Is.EqualTo("SEGMENTS_TOO_SMALL"));
            Assert.That(data["departments"]!.AsArray().Select(d => d!["rank"]!.GetValue<int>()), Does.Contain(1));
            foreach (var department in data["departments"]!.AsArray())
            {
                var metrics = department!["metrics"]!;
                Assert.That(metrics.AsObject().Select(p => p.Key), Is.EquivalentTo(new[]
                {
                    "totalLearners", "activeLearners", "completionRate", "averageScore", "engagementScore",
                }));
                Assert.That(metrics["totalLearners"]!.GetValue<int>(), Is.GreaterThanOrEqualTo(10));
                Assert.That(department["trends"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "learningVelocity", "skillDevelopment", "engagement" }));
                Assert.That(department["rank"]?.GetValue<int>() ?? 1, Is.GreaterThanOrEqualTo(1));
                Assert.That(department["percentile"]?.GetValue<int>() ?? 0, Is.InRange(0, 100));
                if (metrics["engagementScore"] is { } engagement)
                {
                    Assert.That(engagement.GetValue<double>(), Is.InRange(0.0, 1.0));
                }
            }
        });
    }
}
