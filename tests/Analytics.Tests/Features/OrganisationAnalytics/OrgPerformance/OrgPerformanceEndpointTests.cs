using System.Net;
using Analytics.Tests.Features.OrganisationAnalytics.Shared;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.OrganisationAnalytics.OrgPerformance;

/// <summary>
/// `GET /org-admin/analytics/org-performance/{orgId}` end to end on <see cref="OrgAlignScenario"/> (the worked example of
/// OrgPerformanceCalculatorTests through SQL), on the demo organisation, and the access rules of API.md §3.3–§3.4.
/// </summary>
public sealed class OrgPerformanceEndpointTests
{
    private const string Path = "/api/v1/org-admin/analytics/org-performance/";

    [OneTimeSetUp]
    public Task SeedAsync() => OrgAlignScenario.EnsureAsync();

    [Test]
    public async Task Get_SeededOrganisation_ComputesTheWorkedExample()
    {
        var token = await ApiClient.TokenAsync(OrgAlignScenario.Admin);

        using var response = await ApiClient.GetAsync(Path + OrgAlignScenario.Org, token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var data = body["data"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(data["overallPerformance"]!.GetValue<double>(), Is.EqualTo(0.62));
            Assert.That(data["components"]!.ToJsonString(),
                Is.EqualTo("""{"completion":0.765,"skillDevelopment":0.4,"kpiAchievement":0.867,"engagement":0.5}"""));
            Assert.That(data["performanceMetrics"]!.ToJsonString(), Is.EqualTo(
                """{"learningROI":null,"skillDevelopmentRate":0.4,"employeeRetention":null,"productivityImprovement":null,"innovationIndex":null}"""));
            Assert.That(data["keyPerformanceIndicators"]!.ToJsonString(), Is.EqualTo(
                """{"averageTimeToCompetency":8,"learningCompletionRate":0.765,"skillGapReduction":0.316,"crossFunctionalMobility":null,"leadershipPipeline":null}"""));
            Assert.That(data["businessImpact"]!["customerSatisfaction"]!.GetValue<double>(), Is.EqualTo(4.5));
            Assert.That(data["businessImpact"]!["revenuePerEmployee"], Is.Null);
            Assert.That(data["businessImpactSource"]!.ToJsonString(), Is.EqualTo("""{"customerSatisfaction":"kpi"}"""));
            Assert.That(data["trends"]!.ToJsonString(), Is.EqualTo("""{"performance":"increasing","roi":null,"retention":null}"""));
            Assert.That(data["benchmarks"]!["industryAverage"], Is.Null, "fewer than k other organisations");
            Assert.That(data["benchmarks"]!["benchmarkScope"]!.GetValue<string>(), Is.EqualTo("platform"));
            Assert.That(data["suppressedFields"]!.AsArray().Select(p => p!.GetValue<string>()), Does.Contain("benchmarks.industryAverage"));
            Assert.That(data["recommendations"]![0]!["type"]!.GetValue<string>(), Is.EqualTo("skill_development"));
            Assert.That(data["recommendations"]![0]!["expectedImpact"]!.GetValue<string>(), Is.EqualTo("19 employees"));
            Assert.That(data["recommendations"]![0]!["estimatedROI"], Is.Null);
            Assert.That(data["aiVsManualDelta"], Is.Null);
            Assert.That(data.ContainsKey("aiVsManualDelta"), Is.True);
            Assert.That(data["notAvailable"]!.AsArray().Select(p => p!.GetValue<string>()),
                Does.Contain("aiVsManualDelta").And.Contain("performanceMetrics.learningROI").And.Contain("businessImpact.costSavings"));
            Assert.That(data["definitionVersion"]!.GetValue<string>(), Is.EqualTo("org-performance@1.0"));
            Assert.That(data["dataStatus"]!.GetValue<string>(), Is.EqualTo("ok"));
        });
    }

    [Test]
    public async Task Get_SeededOrganisation_ShowsTheDepartmentOfTenAndSuppressesTheOneOfNine()
    {
        var token = await ApiClient.TokenAsync(OrgAlignScenario.Admin);

        using var response = await ApiClient.GetAsync(Path + OrgAlignScenario.Org, token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(body["data"]!["departmentPerformance"]!.ToJsonString(), Is.EqualTo(
                """[{"departmentId":"oa-d10","departmentName":"OA Ten","performance":0.65,"learningROI":null,"skillDevelopmentRate":0.6,"retentionRate":null}]"""));
            Assert.That(body["meta"]!["suppression"]!["reason"]!.GetValue<string>(), Is.EqualTo("SEGMENTS_TOO_SMALL"));
            Assert.That(body["meta"]!["suppression"]!["suppressedSegments"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(body["meta"]!["suppression"]!["minGroupSize"]!.GetValue<int>(), Is.EqualTo(10));
        });
    }

    [Test]
    public async Task Get_DemoOrgAdmin_Returns200WithThePayloadFields()
    {
        var token = await ApiClient.TokenAsync("admin@test.com");

        using var response = await ApiClient.GetAsync(Path + "org-123", token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var data = body["data"]!.AsObject();
        var departments = data["departmentPerformance"]!.AsArray();
        Assert.Multiple(() =>
        {
            var overall = data["overallPerformance"]!.GetValue<double>();
            Assert.That(overall, Is.InRange(0, 1));
            Assert.That(Math.Round(overall, 2), Is.EqualTo(overall), "ratio with 2 dp");
            Assert.That(data["components"]!["engagement"]!.GetValue<double>(), Is.InRange(0, 1), "from the members' engagement snapshots");
            Assert.That(data["performanceMetrics"]!["skillDevelopmentRate"]!.GetValue<double>(), Is.InRange(0, 1));
            Assert.That(data["keyPerformanceIndicators"]!["learningCompletionRate"]!.GetValue<double>(), Is.InRange(0, 1));
            Assert.That(data["trends"]!["performance"]!.GetValue<string>(), Is.AnyOf("increasing", "decreasing", "stable"));
            Assert.That(departments.Select(d => d!["departmentId"]!.GetValue<string>()), Does.Not.Contain("dept-legal"), "6 learners");
            Assert.That(departments.Select(d => d!["departmentId"]!.GetValue<string>()), Does.Contain("dept-engineering"));
            foreach (var department in departments)
            {
                Assert.That(department!["performance"]!.GetValue<double>(), Is.InRange(0, 1));
                Assert.That(department["learningROI"], Is.Null);
            }

            Assert.That(departments.Select(d => d!["performance"]!.GetValue<double>()).Distinct().Count(), Is.GreaterThan(1),
                "departments differ");
            Assert.That(body["meta"]!["suppression"]!["suppressedSegments"]!.GetValue<int>(), Is.GreaterThanOrEqualTo(1));
            Assert.That(data["notAvailable"]!.AsArray().Select(p => p!.GetValue<string>()), Does.Contain("performanceMetrics.learningROI"));
            Assert.That(body["meta"]!["definitionVersion"]!.GetValue<string>(), Is.EqualTo("org-performance@1.0"));
            Assert.That(body["meta"]!["subject"]!["id"]!.GetValue<string>(), Is.EqualTo("org-123"));
        });
    }

    [Test]
    public async Task Get_OrganisationWithoutLearners_ReturnsTheSuppressedShape()
    {
        var token = await ApiClient.TokenAsync(OrgAlignScenario.Outsider);

        using var response = await ApiClient.GetAsync(Path + OrgAlignScenario.OtherOrg, token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var data = body["data"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(data["suppressed"]!.GetValue<bool>(), Is.True);
            Assert.That(data.ContainsKey("overallPerformance") && data["overallPerformance"] is null, Is.True);
            Assert.That(data["departmentPerformance"]!.AsArray(), Is.Empty);
            Assert.That(data["recommendations"]!.AsArray(), Is.Empty);
            Assert.That(data["keyPerformanceIndicators"]!["learningCompletionRate"], Is.Null);
            Assert.That(body["meta"]!["suppression"]!["reason"]!.GetValue<string>(), Is.EqualTo("GROUP_TOO_SMALL"));
        });
    }

    [Test]
    public async Task Get_OrganisationWithLearnersButNoRows_KeepsEveryKey()
    {
        var token = await ApiClient.TokenAsync(OrgAlignScenario.EmptyAdmin);

        using var response = await ApiClient.GetAsync(Path + OrgAlignScenario.EmptyOrg, token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var data = body["data"]!.AsObject();
        Assert.Multiple(() =>
        {
            foreach (var key in new[]
                     {
                         "overallPerformance", "performanceMetrics", "keyPerformanceIndicators", "departmentPerformance", "businessImpact",
                         "businessImpactSource", "benchmarks", "trends", "recommendations", "aiVsManualDelta", "components",
                     })
            {
                Assert.That(data.ContainsKey(key), Is.True, key);
            }

            Assert.That(data["keyPerformanceIndicators"]!["learningCompletionRate"], Is.Null, "no finished enrolments");
            Assert.That(data["performanceMetrics"]!["skillDevelopmentRate"], Is.Null, "nobody active");
            Assert.That(data["components"]!["kpiAchievement"], Is.Null);
            Assert.That(data["departmentPerformance"]!.AsArray(), Is.Empty);
            Assert.That(data["trends"]!["performance"]!.GetValue<string>(), Is.EqualTo("stable"));
        });
    }

    [Test]
    public async Task Get_OrgAdminOfAnotherOrganisation_Returns403()
    {
        var token = await ApiClient.TokenAsync(OrgAlignScenario.Outsider);

        using var response = await ApiClient.GetAsync(Path + OrgAlignScenario.Org, token);

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "ACCESS_DENIED");
    }

    [TestCase("learner@test.com", null, TestName = "Get_AsLearner_Returns403RoleNotPermitted")]
    [TestCase("trainer@test.com", null, TestName = "Get_AsTrainer_Returns403RoleNotPermitted")]
    [TestCase("supertester@test.com", "learner", TestName = "Get_WithLearnerActiveRole_Returns403RoleNotPermitted")]
    public async Task Get_NonOrgAdminActiveRole_Returns403(string email, string? activeRole)
    {
        var token = await ApiClient.TokenAsync(email);

        using var response = await ApiClient.GetAsync(Path + "org-123", token, activeRole);

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "ROLE_NOT_PERMITTED");
    }

    [Test]
    public async Task Get_WithInvalidOrgId_Returns400NamingIt()
    {
        var token = await ApiClient.TokenAsync("admin@test.com");

        using var response = await ApiClient.GetAsync(Path + "org.123", token);

        var body = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.That(body["errors"]!["orgId"], Is.Not.Null, body.ToJsonString());
    }
}
