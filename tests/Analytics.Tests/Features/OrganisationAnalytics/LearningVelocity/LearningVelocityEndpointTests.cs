using System.Net;
using System.Text.Json.Nodes;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.OrganisationAnalytics.LearningVelocity;

/// <summary>
/// The learning-velocity endpoint end to end on the rows of <see cref="OrgVelocitySeed"/>: ANALYTICS.md §3.1 through SQL, the
/// privacy rules of §0.5 (Sales with 9 learners and an empty department are left out and counted; a department below k is the
/// suppressed response), and the access rules of API.md §3.3–§3.4.
/// </summary>
public sealed class LearningVelocityEndpointTests
{
    private const string Path = "/api/v1/org-admin/analytics/learning-velocity/";

    [OneTimeSetUp]
    public Task SeedAsync() => OrgVelocitySeed.EnsureAsync();

    private static async Task<(HttpResponseMessage Response, JsonObject Body)> GetAsync(string query = "", string email = OrgVelocitySeed.AdminEmail)
    {
        var token = await ApiClient.TokenAsync(email);
        var response = await ApiClient.GetAsync(Path + OrgVelocitySeed.Org + query, token);
        return (response, await ApiClient.ReadJsonAsync(response));
    }

    [Test]
    public async Task Get_SeededOrganisation_ReturnsTheFiguresOfTheStore()
    {
        var (response, body) = await GetAsync();
        using var _ = response;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var data = body["data"]!.AsObject();
        var overview = data["overview"]!;
        var roi = data["roiMetrics"]!.AsObject();
        var departments = data["departmentBreakdown"]!.AsArray();
        var meta = body["meta"]!;
        Assert.Multiple(() =>
        {
            Assert.That(data["period"]!.GetValue<string>(), Is.EqualTo("Q1 2025"));
            Assert.That(overview["totalEmployees"]!.GetValue<int>(), Is.EqualTo(30));
            Assert.That(overview["participationRate"]!.GetValue<double>(), Is.EqualTo(86.7));
            Assert.That(overview["activelyLearning"]!.GetValue<int>(), Is.EqualTo(26));
            Assert.That(overview["skillsAcquiredThisQuarter"]!.GetValue<int>(), Is.EqualTo(15));
            Assert.That(overview["certificationsEarned"]!.GetValue<int>(), Is.EqualTo(8));
            foreach (var money in new[] { "roi", "costPerSkillAcquired", "trainingInvestment", "productivityGains" })
            {
                Assert.That(roi.ContainsKey(money) && roi[money] is null, Is.True, money);
            }

            Assert.That(roi["calculationMethod"]!.GetValue<string>(), Is.EqualTo("not available: the store holds no cost or revenue data"));
            Assert.That(roi["averageTimeToSkill"]!.GetValue<string>(), Is.EqualTo("6.4 weeks"));
            Assert.That(data["notAvailable"]!.AsArray().Select(p => p!.GetValue<string>()), Is.EquivalentTo(new[]
            {
                "roiMetrics.roi", "roiMetrics.costPerSkillAcquired", "roiMetrics.trainingInvestment", "roiMetrics.productivityGains",
            }));

            Assert.That(departments.Select(d => d!["departmentId"]!.GetValue<string>()), Is.EqualTo(new[] { "ov-eng", "ov-fin" }));
            Assert.That(departments[0]!["departmentName"]!.GetValue<string>(), Is.EqualTo("Engineering"));
            Assert.That(departments[0]!["totalEmployees"]!.GetValue<int>(), Is.EqualTo(10));
            Assert.That(departments[0]!["participationRate"]!.GetValue<double>(), Is.EqualTo(60.0));
            Assert.That(departments[0]!["completionRate"]!.GetValue<double>(), Is.EqualTo(100.0));
            Assert.That(departments[0]!["skillsAcquired"]!.GetValue<int>(), Is.EqualTo(4));
            Assert.That(departments[0]!["trend"]!.GetValue<string>(), Is.EqualTo("+100% increase"));
            Assert.That(departments[1]!["participationRate"]!.GetValue<double>(), Is.EqualTo(100.0));
            Assert.That(departments[1]!.AsObject().ContainsKey("completionRate") && departments[1]!["completionRate"] is null, Is.True);
            Assert.That(departments[1]!["skillsAcquired"]!.GetValue<int>(), Is.EqualTo(11));
            Assert.That(departments[1]!["trend"]!.GetValue<string>(), Is.EqualTo("n/a"));

            Assert.That(data["trends"]!["quarterOverQuarter"]!.GetValue<string>(), Is.EqualTo("+100% increase"));
            Assert.That(data["trends"]!["yearOverYear"]!.GetValue<string>(), Is.EqualTo("n/a"));
            Assert.That(data["trends"]!["peakLearningMonth"]!.GetValue<string>(), Is.EqualTo("March 2025"));
            Assert.That(data["velocity"]!["average"]!.GetValue<int>(), Is.EqualTo(49));
            Assert.That(data["velocity"]!["high"]!.GetValue<int>(), Is.EqualTo(10));
            Assert.That(data["velocity"]!["medium"]!.GetValue<int>(), Is.EqualTo(9));
            Assert.That(data["velocity"]!["low"]!.GetValue<int>(), Is.EqualTo(11));

            Assert.That(data["definitionVersion"]!.GetValue<string>(), Is.EqualTo("learning-velocity@1.0"));
            Assert.That(data["asOf"]!.GetValue<string>(), Is.EqualTo("2025-03-14"));
            Assert.That(data["dataStatus"]!.GetValue<string>(), Is.EqualTo("ok"));
            Assert.That(data["staleness"]!.GetValue<string>(), Is.EqualTo("fresh"));
            Assert.That(data.ContainsKey("suppressed"), Is.False);
            Assert.That(meta["definitionVersion"]!.GetValue<string>(), Is.EqualTo("learning-velocity@1.0"));
            Assert.That(meta["subject"]!["type"]!.GetValue<string>(), Is.EqualTo("organisation"));
            Assert.That(meta["subject"]!["id"]!.GetValue<string>(), Is.EqualTo(OrgVelocitySeed.Org));
            Assert.That(meta["activeRole"]!.GetValue<string>(), Is.EqualTo("org-admin"));
            Assert.That(meta["suppression"]!["reason"]!.GetValue<string>(), Is.EqualTo("SEGMENTS_TOO_SMALL"));
            Assert.That(meta["suppression"]!["minGroupSize"]!.GetValue<int>(), Is.EqualTo(10));
            Assert.That(meta["suppression"]!["suppressedSegments"]!.GetValue<int>(), Is.EqualTo(2), "Sales (9) and the empty department");
        });
    }

    [Test]
    public async Task Get_DefaultView_IsStoredAsTheOrganisationSnapshotButAFilteredViewIsNot()
    {
        var (first, _) = await GetAsync();
        var (second, _) = await GetAsync("?departmentId=ov-fin");
        first.Dispose();
        second.Dispose();

        var stored = await TestStore.ScalarAsync<string>(
            """
            SELECT string_agg(s.role || ':' || s.definition_version || ':' || (s.suppression ->> 'suppressedSegments'), ',')
            FROM analytics.analytics_snapshots s
            WHERE s.subject_type = 'organisation' AND s.subject_id = 'ov-org' AND s.analytic = 'learning-velocity'
            """);

        Assert.That(stored, Is.EqualTo("org-admin:learning-velocity@1.0:2"));
    }

    [Test]
    public async Task Get_WithADepartmentOfTen_NarrowsTheEmployeesToIt()
    {
        var (response, body) = await GetAsync("?departmentId=ov-eng");
        using var _ = response;

        var data = body["data"]!;
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
            Assert.That(data["overview"]!["totalEmployees"]!.GetValue<int>(), Is.EqualTo(10));
            Assert.That(data["overview"]!["activelyLearning"]!.GetValue<int>(), Is.EqualTo(6));
            Assert.That(data["overview"]!["certificationsEarned"]!.GetValue<int>(), Is.EqualTo(8));
            Assert.That(data["velocity"]!["average"]!.GetValue<int>(), Is.EqualTo(80));
            Assert.That(data["departmentBreakdown"]!.AsArray().Select(d => d!["departmentId"]!.GetValue<string>()), Is.EqualTo(new[] { "ov-eng" }));
            Assert.That(data["roiMetrics"]!["averageTimeToSkill"], Is.Null, "4 acquisitions: fewer than k people");
            Assert.That(body["meta"]!["suppression"], Is.Null);
        });
    }

    [Test]
    public async Task Get_WithADepartmentOfNine_ReturnsTheSuppressedResponse()
    {
        var (response, body) = await GetAsync("?departmentId=ov-sal");
        using var _ = response;

        var data = body["data"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(data["suppressed"]!.GetValue<bool>(), Is.True);
            Assert.That(data["message"]!.GetValue<string>(), Is.EqualTo("Insufficient data: fewer than 10 people in this group."));
            Assert.That(data["overview"]!.AsObject().Select(p => p.Value), Is.All.Null);
            Assert.That(data["departmentBreakdown"]!.AsArray(), Is.Empty);
            Assert.That(data["velocity"]!.AsObject().Select(p => p.Value), Is.All.Null);
            Assert.That(data["trends"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "quarterOverQuarter", "yearOverYear", "peakLearningMonth" }));
            Assert.That(body["meta"]!["suppression"]!["reason"]!.GetValue<string>(), Is.EqualTo("GROUP_TOO_SMALL"));
            Assert.That(body["meta"]!["suppression"]!["suppressedSegments"]!.GetValue<int>(), Is.EqualTo(0));
            Assert.That(body.ToJsonString(), Does.Not.Contain("\"totalEmployees\":9"));
        });
    }

    [TestCase("ov-nope")]
    [TestCase("ov-oth")]
    public async Task Get_WithADepartmentOutsideTheOrganisation_Returns403(string departmentId)
    {
        var (response, _) = await GetAsync("?departmentId=" + departmentId);
        using var __ = response;

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "ACCESS_DENIED");
    }

    [Test]
    public async Task Get_WithAnInvalidDepartmentId_Returns400NamingIt()
    {
        var (response, _) = await GetAsync("?departmentId=bad%20id");
        using var __ = response;

        var problem = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.That(problem["errors"]!["departmentId"], Is.Not.Null);
    }

    [Test]
    public async Task Get_WithAnInvalidOrganisationId_Returns400NamingOrgId()
    {
        var token = await ApiClient.TokenAsync(OrgVelocitySeed.AdminEmail);
        using var response = await ApiClient.GetAsync(Path + "a'--", token);

        var problem = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.That(problem["errors"]!["orgId"], Is.Not.Null);
    }

    [Test]
    public async Task Get_AdminOfAnotherOrganisation_Returns403()
    {
        var (response, _) = await GetAsync(email: OrgVelocitySeed.OtherAdminEmail);
        using var __ = response;

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "ACCESS_DENIED");
    }

    [Test]
    public async Task Get_OwnOrganisationNotInTheStore_Returns404()
    {
        var token = TestTokens.Mint("ov-ghost", ["org-admin"], "ov-ghost-org");
        using var response = await ApiClient.GetAsync(Path + "ov-ghost-org", token);

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.NotFound, "SUBJECT_NOT_FOUND");
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
                "period", "overview", "roiMetrics", "departmentBreakdown", "trends", "velocity", "lastUpdated", "isStale", "staleness",
                "asOf", "source", "degraded", "definitionVersion", "dataStatus", "notAvailable",
            }));
            Assert.That(data["overview"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[]
            {
                "totalEmployees", "participationRate", "skillsAcquiredThisQuarter", "activelyLearning", "certificationsEarned",
            }));
            Assert.That(data["roiMetrics"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[]
            {
                "roi", "costPerSkillAcquired", "trainingInvestment", "productivityGains", "calculationMethod", "averageTimeToSkill",
            }));
            Assert.That(data["velocity"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "average", "high", "medium", "low" }));
            Assert.That(data["period"]!.GetValue<string>(), Does.Match(@"^Q[1-4] \d{4}$"));
            Assert.That(data["definitionVersion"]!.GetValue<string>(), Is.EqualTo("learning-velocity@1.0"));
            Assert.That(data["source"]!.GetValue<string>(), Is.EqualTo("demo"));
            Assert.That(body["meta"]!["subject"]!["id"]!.GetValue<string>(), Is.EqualTo("org-123"));
        });

        // The demo organisation has 150 learners in 7 departments; Legal (6) is below k (FixedDemo).
        Assert.That(data.ContainsKey("suppressed"), Is.False);
        Assert.That(body["meta"]!["suppression"]!["reason"]!.GetValue<string>(), Is.EqualTo("SEGMENTS_TOO_SMALL"));
        Assert.That(data["departmentBreakdown"]!.AsArray().Select(d => d!["departmentName"]!.GetValue<string>()).ToArray(), Has.Length.EqualTo(6));
        Assert.That(data["departmentBreakdown"]!.AsArray().Select(d => d!["departmentName"]!.GetValue<string>()).ToArray(), Does.Not.Contain("Legal"));
        {
            var overview = data["overview"]!;
            var total = overview["totalEmployees"]!.GetValue<int>();
            Assert.Multiple(() =>
            {
                Assert.That(total, Is.GreaterThanOrEqualTo(10));
                Assert.That(overview["activelyLearning"]!.GetValue<int>(), Is.InRange(0, total));
                Assert.That(overview["participationRate"]!.GetValue<double>(), Is.InRange(0.0, 100.0));
                Assert.That(overview["participationRate"]!.GetValue<double>() * 10 % 1, Is.EqualTo(0).Within(1e-6), "1 dp");
                Assert.That(data["velocity"]!["average"]!.GetValue<int>(), Is.InRange(0, 100));
                foreach (var department in data["departmentBreakdown"]!.AsArray())
                {
                    Assert.That(department!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[]
                    {
                        "departmentId", "departmentName", "totalEmployees", "participationRate", "completionRate", "skillsAcquired", "trend",
                    }));
                    Assert.That(department["totalEmployees"]!.GetValue<int>(), Is.GreaterThanOrEqualTo(10));
                }
            });
        }
    }
}
