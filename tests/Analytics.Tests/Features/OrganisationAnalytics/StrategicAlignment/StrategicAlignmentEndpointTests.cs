using System.Net;
using Analytics.Tests.Features.OrganisationAnalytics.Shared;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.OrganisationAnalytics.StrategicAlignment;

/// <summary>
/// `GET /org-admin/analytics/strategic-alignment/{orgId}` end to end on <see cref="OrgAlignScenario"/> (G10 through SQL with the
/// department filter), on the demo organisation, and the access rules of API.md §3.3–§3.4.
/// </summary>
public sealed class StrategicAlignmentEndpointTests
{
    private const string Path = "/api/v1/org-admin/analytics/strategic-alignment/";

    [OneTimeSetUp]
    public Task SeedAsync() => OrgAlignScenario.EnsureAsync();

    [Test]
    public async Task Get_SeededOrganisation_ComputesGoalsGapsAndAlignment()
    {
        var token = await ApiClient.TokenAsync(OrgAlignScenario.Admin);

        using var response = await ApiClient.GetAsync(Path + OrgAlignScenario.Org, token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var data = body["data"]!.AsObject();
        var goal = data["strategicGoals"]!.AsArray().Single()!;
        Assert.Multiple(() =>
        {
            // K 86.67, C = 15 of 28 pairs meet (53.57), P = 8 of the 10 with assigned enrolments (80) → 75.40.
            Assert.That(data["overallAlignment"]!.GetValue<double>(), Is.EqualTo(0.75));
            Assert.That(data["alignmentGrade"]!.GetValue<string>(), Is.EqualTo("C"));
            Assert.That(data["period"]!.GetValue<string>(), Is.EqualTo("Q1 2025"));
            Assert.That(data["components"]!["kpiAchievement"]!.GetValue<double>(), Is.EqualTo(86.7));
            Assert.That(data["components"]!["skillCoverage"]!.GetValue<double>(), Is.EqualTo(53.6));
            Assert.That(data["components"]!["trainingCompliance"]!.GetValue<double>(), Is.EqualTo(80));
            Assert.That(goal["goalId"]!.GetValue<string>(), Is.EqualTo("vp-cc3659df5c4d"), "SHA-256 of 'ship faster'");
            Assert.That(goal["goalName"]!.GetValue<string>(), Is.EqualTo("Ship Faster"));
            Assert.That(goal["alignmentScore"]!.GetValue<double>(), Is.EqualTo(0.79), "15 of 19");
            Assert.That(goal["progress"]!.GetValue<double>(), Is.EqualTo(86.0), "(15 + 4·1/3)/19");
            Assert.That(goal["skillsCovered"]!.GetValue<double>(), Is.EqualTo(0));
            Assert.That(goal["requiredSkills"]!.AsArray().Select(s => s!.GetValue<string>()), Is.EqualTo(new[] { "OA Skill One" }));
            Assert.That(goal["employeesOnTrack"]!.GetValue<int>(), Is.EqualTo(15));
            Assert.That(goal["totalEmployeesNeeded"]!.GetValue<int>(), Is.EqualTo(19));
            Assert.That(goal["status"]!.GetValue<string>(), Is.EqualTo("at_risk"));
            Assert.That(goal["recommendations"]![0]!.GetValue<string>(),
                Is.EqualTo("Assign a course teaching OA Skill One to 4 employees below level 3"));
            Assert.That(data["gapAnalysis"]!["criticalGaps"]!.GetValue<int>(), Is.EqualTo(4));
            Assert.That(data["gapAnalysis"]!["mediumGaps"]!.GetValue<int>(), Is.EqualTo(9));
            Assert.That(data["gapAnalysis"]!["lowGaps"]!.GetValue<int>(), Is.EqualTo(0));
            Assert.That(data["gapAnalysis"]!["topMissingSkills"]!.ToJsonString(),
                Is.EqualTo("""[{"skill":"OA Skill One","priority":"high","gap":21.1}]"""), "skill two's 9 people are below k");
            Assert.That(data["recommendations"]!.ToJsonString(), Is.EqualTo(
                """[{"type":"skill_development","priority":"high","action":"Train 4 employees in OA Skill One to level 3","estimatedCost":null,"expectedROI":null}]"""));
            Assert.That(data["notAvailable"]!.AsArray().Select(p => p!.GetValue<string>()),
                Is.EqualTo(new[] { "recommendations[].estimatedCost", "recommendations[].expectedROI" }));
            Assert.That(data["definitionVersion"]!.GetValue<string>(), Is.EqualTo("strategic-alignment@1.0"));
            Assert.That(data["dataStatus"]!.GetValue<string>(), Is.EqualTo("ok"));
            Assert.That(data.ContainsKey("suppressed"), Is.False);
            Assert.That(body["meta"]!["subject"]!["type"]!.GetValue<string>(), Is.EqualTo("organisation"));
            Assert.That(body["meta"]!["suppression"]!["reason"]!.GetValue<string>(), Is.EqualTo("SEGMENTS_TOO_SMALL"));
            Assert.That(body["meta"]!["suppression"]!["suppressedSegments"]!.GetValue<int>(), Is.EqualTo(2), "goal Legal Safety and skill two");
        });
    }

    [Test]
    public async Task Get_DepartmentOfTen_ReproducesG10()
    {
        var token = await ApiClient.TokenAsync(OrgAlignScenario.Admin);

        using var response = await ApiClient.GetAsync($"{Path}{OrgAlignScenario.Org}?departmentId={OrgAlignScenario.TenDepartment}", token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var data = body["data"]!;
        Assert.Multiple(() =>
        {
            Assert.That(data["overallAlignment"]!.GetValue<double>(), Is.EqualTo(0.77));
            Assert.That(data["alignmentGrade"]!.GetValue<string>(), Is.EqualTo("C+"));
            Assert.That(data["components"]!["kpiAchievement"]!.GetValue<double>(), Is.EqualTo(86.7));
            Assert.That(data["components"]!["skillCoverage"]!.GetValue<double>(), Is.EqualTo(60));
            Assert.That(data["components"]!["trainingCompliance"]!.GetValue<double>(), Is.EqualTo(80));
            Assert.That(data["departmentId"]!.GetValue<string>(), Is.EqualTo(OrgAlignScenario.TenDepartment));
            Assert.That(data["strategicGoals"]![0]!["totalEmployeesNeeded"]!.GetValue<int>(), Is.EqualTo(10));
            Assert.That(body["meta"]!["suppression"], Is.Null);
        });
    }

    [Test]
    public async Task Get_DepartmentOfNine_ReturnsTheSuppressedShape()
    {
        var token = await ApiClient.TokenAsync(OrgAlignScenario.Admin);

        using var response = await ApiClient.GetAsync($"{Path}{OrgAlignScenario.Org}?departmentId={OrgAlignScenario.NineDepartment}", token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var data = body["data"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(data["suppressed"]!.GetValue<bool>(), Is.True);
            Assert.That(data["message"]!.GetValue<string>(), Is.EqualTo("Insufficient data: fewer than 10 people in this group."));
            Assert.That(data["overallAlignment"], Is.Null);
            Assert.That(data.ContainsKey("overallAlignment"), Is.True, "keys are kept");
            Assert.That(data["strategicGoals"]!.AsArray(), Is.Empty);
            Assert.That(data["recommendations"]!.AsArray(), Is.Empty);
            Assert.That(data["gapAnalysis"]!["criticalGaps"], Is.Null);
            Assert.That(data["components"]!["skillCoverage"], Is.Null);
            Assert.That(body["meta"]!["suppression"]!["reason"]!.GetValue<string>(), Is.EqualTo("GROUP_TOO_SMALL"));
            Assert.That(body["meta"]!["suppression"]!["minGroupSize"]!.GetValue<int>(), Is.EqualTo(10));
            Assert.That(body["meta"]!["suppression"]!["suppressedSegments"]!.GetValue<int>(), Is.EqualTo(0));
        });
    }

    [Test]
    public async Task Get_OrganisationWithoutTargetsKpisOrEnrolments_ReturnsNoDataWithKeysKept()
    {
        var token = await ApiClient.TokenAsync(OrgAlignScenario.EmptyAdmin);

        using var response = await ApiClient.GetAsync(Path + OrgAlignScenario.EmptyOrg, token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var data = body["data"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(data["dataStatus"]!.GetValue<string>(), Is.EqualTo("no-data"));
            Assert.That(data.ContainsKey("overallAlignment") && data["overallAlignment"] is null, Is.True);
            Assert.That(data.ContainsKey("alignmentGrade") && data["alignmentGrade"] is null, Is.True);
            Assert.That(data["strategicGoals"]!.AsArray(), Is.Empty);
            Assert.That(data["gapAnalysis"]!.ToJsonString(),
                Is.EqualTo("""{"criticalGaps":null,"mediumGaps":null,"lowGaps":null,"topMissingSkills":[]}"""));
            Assert.That(data["components"]!.ToJsonString(),
                Is.EqualTo("""{"kpiAchievement":null,"skillCoverage":null,"trainingCompliance":null}"""));
            Assert.That(data.ContainsKey("suppressed"), Is.False, "10 employees is not below k");
        });
    }

    [TestCase("oa-nope", TestName = "Get_WithAnUnknownDepartment_Returns403")]
    [TestCase("dept-legal", TestName = "Get_WithADepartmentOfAnotherOrganisation_Returns403")]
    public async Task Get_WithADepartmentOutsideTheOrganisation_Returns403(string departmentId)
    {
        var token = await ApiClient.TokenAsync(OrgAlignScenario.Admin);

        using var response = await ApiClient.GetAsync($"{Path}{OrgAlignScenario.Org}?departmentId={departmentId}", token);

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "ACCESS_DENIED");
    }

    [Test]
    public async Task Get_DemoOrgAdmin_Returns200WithThePayloadFields()
    {
        var token = await ApiClient.TokenAsync("admin@test.com");

        using var response = await ApiClient.GetAsync(Path + "org-123", token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var data = body["data"]!.AsObject();
        Assert.Multiple(() =>
        {
            var alignment = data["overallAlignment"]!.GetValue<double>();
            Assert.That(alignment, Is.InRange(0, 1));
            Assert.That(Math.Round(alignment, 2), Is.EqualTo(alignment), "ratio with 2 dp");
            Assert.That(data["alignmentGrade"]!.GetValue<string>(), Does.Match("^(A\\+|A|A-|B\\+|B|B-|C\\+|C|C-|D|F)$"));
            Assert.That(data["period"]!.GetValue<string>(), Is.EqualTo("Q1 2025"));
            Assert.That(data["strategicGoals"]!.AsArray(), Is.Not.Empty);
            foreach (var goal in data["strategicGoals"]!.AsArray())
            {
                Assert.That(goal!["goalId"]!.GetValue<string>(), Does.Match("^(vp-[0-9a-f]{12}|skill-.+)$"));
                Assert.That(goal["alignmentScore"]!.GetValue<double>(), Is.InRange(0, 1));
                Assert.That(goal["progress"]!.GetValue<double>(), Is.InRange(0, 100));
                Assert.That(goal["totalEmployeesNeeded"]!.GetValue<int>(), Is.GreaterThanOrEqualTo(10));
                Assert.That(goal["status"]!.GetValue<string>(), Is.AnyOf("on_track", "at_risk", "off_track"));
                Assert.That(goal["requiredSkills"]!.AsArray(), Is.Not.Empty);
            }

            Assert.That(data["gapAnalysis"]!["criticalGaps"]!.GetValue<int>(), Is.GreaterThanOrEqualTo(0));
            Assert.That(data["gapAnalysis"]!["topMissingSkills"]!.AsArray(), Has.Count.InRange(0, 5));
            Assert.That(data["recommendations"]!.AsArray(), Has.Count.InRange(0, 3));
            Assert.That(data["components"]!["kpiAchievement"]!.GetValue<double>(), Is.InRange(0, 100));
            Assert.That(data["components"]!["skillCoverage"]!.GetValue<double>(), Is.InRange(0, 100));
            Assert.That(data["staleness"]!.GetValue<string>(), Is.EqualTo("fresh"));
            Assert.That(data["asOf"]!.GetValue<string>(), Is.EqualTo("2025-03-14"));
            Assert.That(body["meta"]!["definitionVersion"]!.GetValue<string>(), Is.EqualTo("strategic-alignment@1.0"));
        });
    }

    [Test]
    public async Task Get_DemoDepartments_DifferAndLegalIsSuppressed()
    {
        var token = await ApiClient.TokenAsync("admin@test.com");

        using var engineering = await ApiClient.GetAsync(Path + "org-123?departmentId=dept-engineering", token);
        using var qa = await ApiClient.GetAsync(Path + "org-123?departmentId=dept-qa", token);
        using var legal = await ApiClient.GetAsync(Path + "org-123?departmentId=dept-legal", token);
        var engineeringData = (await ApiClient.ReadJsonAsync(engineering))["data"]!;
        var qaData = (await ApiClient.ReadJsonAsync(qa))["data"]!;
        var legalData = (await ApiClient.ReadJsonAsync(legal))["data"]!;

        Assert.Multiple(() =>
        {
            Assert.That(engineeringData["components"]!.ToJsonString(), Is.Not.EqualTo(qaData["components"]!.ToJsonString()));
            Assert.That(engineeringData["suppressed"], Is.Null);
            Assert.That(legalData["suppressed"]!.GetValue<bool>(), Is.True, "Legal has 6 learners");
        });
    }

    [Test]
    public async Task Get_OrgAdminOfAnotherOrganisation_Returns403()
    {
        var outsider = await ApiClient.TokenAsync(OrgAlignScenario.Outsider);
        var demoAdmin = await ApiClient.TokenAsync("admin@test.com");

        using var toSeeded = await ApiClient.GetAsync(Path + OrgAlignScenario.Org, outsider);
        using var toDemo = await ApiClient.GetAsync(Path + OrgAlignScenario.Org, demoAdmin);

        await ApiClient.AssertProblemAsync(toSeeded, HttpStatusCode.Forbidden, "ACCESS_DENIED");
        await ApiClient.AssertProblemAsync(toDemo, HttpStatusCode.Forbidden, "ACCESS_DENIED");
    }

    [TestCase("learner@test.com", null, TestName = "Get_AsLearner_Returns403RoleNotPermitted")]
    [TestCase("trainer@test.com", null, TestName = "Get_AsTrainer_Returns403RoleNotPermitted")]
    [TestCase("supertester@test.com", "learner", TestName = "Get_WithLearnerActiveRole_Returns403RoleNotPermitted")]
    [TestCase("supertester@test.com", "trainer", TestName = "Get_WithTrainerActiveRole_Returns403RoleNotPermitted")]
    public async Task Get_NonOrgAdminActiveRole_Returns403(string email, string? activeRole)
    {
        var token = await ApiClient.TokenAsync(email);

        using var response = await ApiClient.GetAsync(Path + "org-123", token, activeRole);

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "ROLE_NOT_PERMITTED");
    }

    [TestCase("org.123", "orgId", TestName = "Get_WithInvalidOrgId_Returns400NamingIt")]
    [TestCase("org-123?departmentId=dept.x", "departmentId", TestName = "Get_WithInvalidDepartmentId_Returns400NamingIt")]
    public async Task Get_WithInvalidId_Returns400(string pathAndQuery, string parameter)
    {
        var token = await ApiClient.TokenAsync("admin@test.com");

        using var response = await ApiClient.GetAsync(Path + pathAndQuery, token);

        var body = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.That(body["errors"]![parameter], Is.Not.Null, body.ToJsonString());
    }
}
