using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.OrganisationAnalytics.LearningCulture;

/// <summary>
/// The learning-culture endpoint end to end (API.md §4.3, ANALYTICS.md §3.3) on the rows of <see cref="LearningCultureSeed"/>:
/// the statement's figures, k for the whole response and for fields (§0.5), the department parameter and the access rules.
/// </summary>
public sealed class LearningCultureEndpointTests
{
    private const string Path = "/api/v1/org-admin/analytics/learning-culture/";

    [OneTimeSetUp]
    public Task SeedAsync() => LearningCultureSeed.SeedAsync();

    [Test]
    public async Task Get_Organisation_ReturnsTheHandComputedFigures()
    {
        var token = await ApiClient.TokenAsync(LearningCultureSeed.Admin);

        using var response = await ApiClient.GetAsync(Path + LearningCultureSeed.Org, token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var data = body["data"]!.AsObject();
        var metrics = data["metrics"]!;
        // 19 employees. VP 10/15 and VC 4/6 = 66.67; KSI 2 per 19 → 10.5 per 100 → KSIn 100; ME 3/19 = 15.79; SA missing.
        // maturity = (0.35·66.67 + 0.20·66.67 + 0.20·100 + 0.15·15.79) / 0.90 = 65.59 → 0.66, D.
        Assert.Multiple(() =>
        {
            Assert.That(data["overallCultureScore"]!.GetValue<double>(), Is.EqualTo(0.66));
            Assert.That(data["cultureGrade"]!.GetValue<string>(), Is.EqualTo("D"));
            Assert.That(data["period"]!.GetValue<string>(), Is.EqualTo("Q1 2025"));
            Assert.That(data["dataStatus"]!.GetValue<string>(), Is.EqualTo("partial"));
            Assert.That(data["componentsUsed"]!.AsArray().Select(n => n!.GetValue<string>()),
                Is.EqualTo(new[] { "voluntaryParticipation", "voluntaryCompletion", "knowledgeSharing", "mentorshipEngagement" }));
            // Engagement snapshots: ten of 50 and eight of 70 (l19 has none) → 58.9.
            Assert.That(metrics["learningEngagement"]!["score"]!.GetValue<double>(), Is.EqualTo(58.9));
            Assert.That(metrics["learningEngagement"]!["activeParticipation"]!.GetValue<double>(), Is.EqualTo(63.2));
            Assert.That(metrics["learningEngagement"]!["voluntaryLearning"]!.GetValue<double>(), Is.EqualTo(66.7));
            Assert.That(metrics["learningEngagement"]!["peerCollaboration"]!.GetValue<double>(), Is.EqualTo(15.8));
            Assert.That(metrics["knowledgeSharing"]!["score"]!.GetValue<double>(), Is.EqualTo(100.0));
            Assert.That(metrics["knowledgeSharing"]!["mentorshipPrograms"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(metrics["knowledgeSharing"]!["activeMentors"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(metrics["knowledgeSharing"]!["knowledgeBaseSessions"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(metrics["innovationMetrics"]!.AsObject().Select(p => p.Key),
                Is.EqualTo(new[] { "score", "newIdeasSubmitted", "ideasImplemented", "innovationProjects" }));
            Assert.That(metrics["innovationMetrics"]!.AsObject().All(p => p.Value is null), Is.True);
            // Feedback on 2 of the 5 completions of 90 days; skill application withheld (4 acquiring people < k).
            Assert.That(metrics["continuousImprovement"]!["score"]!.GetValue<double>(), Is.EqualTo(40.0));
            Assert.That(metrics["continuousImprovement"]!["feedbackLoops"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(metrics["continuousImprovement"]!["courseCompletionTrend"]!.GetValue<string>(), Is.EqualTo("+400% increase"));
            Assert.That(IsNull(metrics["continuousImprovement"]!, "skillApplicationRate"), Is.True);
            Assert.That(data["suppressedFields"]!.AsArray().Select(n => n!.GetValue<string>()),
                Is.EqualTo(new[] { "metrics.continuousImprovement.skillApplicationRate" }));
            // Median weekly minutes of the 12 active employees: 30·7/30 = 7 → 100·7/120 = 5.8.
            Assert.That(data["culturalIndicators"]!["learningTimeAllocation"]!.GetValue<double>(), Is.EqualTo(5.8));
            Assert.That(data["culturalIndicators"]!["careerDevelopmentOpportunities"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(IsNull(data["culturalIndicators"]!, "managerSupport"), Is.True);
            Assert.That(IsNull(data["culturalIndicators"]!, "recognitionPrograms"), Is.True);
            Assert.That(data["benchmarks"]!["benchmarkScope"]!.GetValue<string>(), Is.EqualTo("platform"));
            Assert.That(data["benchmarks"]!.AsObject().Select(p => p.Key),
                Is.EquivalentTo(new[] { "industryAverage", "vsIndustry", "standing", "benchmarkScope" }));
            // The two weakest: ME (15.8), then VP and VC tie at 66.7 and VP comes first in the formula.
            Assert.That(data["recommendations"]!.AsArray().Select(n => n!.GetValue<string>()), Is.EqualTo(new[]
            {
                "Grow mentoring: pair more employees with mentors and keep the pairs active.",
                "Encourage self-directed learning: promote courses employees can choose for themselves alongside assigned training.",
            }));
            Assert.That(data["notAvailable"]!.AsArray().Select(n => n!.GetValue<string>()),
                Does.Contain("streakActivity").And.Contain("metrics.innovationMetrics.score").And.Contain("culturalIndicators.managerSupport"));
            Assert.That(data["definitionVersion"]!.GetValue<string>(), Is.EqualTo("learning-culture@1.0"));
            Assert.That(data["asOf"]!.GetValue<string>(), Is.EqualTo("2025-03-14"));
            Assert.That(data.ContainsKey("suppressed"), Is.False);
            Assert.That(body["meta"]!["subject"]!["type"]!.GetValue<string>(), Is.EqualTo("organisation"));
            Assert.That(body["meta"]!["subject"]!["id"]!.GetValue<string>(), Is.EqualTo(LearningCultureSeed.Org));
            Assert.That(body["meta"]!["definitionVersion"]!.GetValue<string>(), Is.EqualTo("learning-culture@1.0"));
            Assert.That(IsNull(body["meta"]!, "suppression"), Is.True);
        });
    }

    [Test]
    public async Task Get_DepartmentOfTen_IsShownWithItsOwnFigures()
    {
        var token = await ApiClient.TokenAsync(LearningCultureSeed.Admin);

        using var response = await ApiClient.GetAsync(Path + LearningCultureSeed.Org + "?departmentId=oc-d10", token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var data = body["data"]!;
        // l10–l19: VP 1/6 = 16.67, VC 0/2 = 0, KSIn 0 (no contribution in 30 days), ME 0 → 0.35·16.67 / 0.90 = 6.48 → 0.06.
        Assert.Multiple(() =>
        {
            Assert.That(data["overallCultureScore"]!.GetValue<double>(), Is.EqualTo(0.06));
            Assert.That(data["cultureGrade"]!.GetValue<string>(), Is.EqualTo("F"));
            Assert.That(data["metrics"]!["learningEngagement"]!["activeParticipation"]!.GetValue<double>(), Is.EqualTo(30.0));
            Assert.That(data["metrics"]!["learningEngagement"]!["voluntaryLearning"]!.GetValue<double>(), Is.EqualTo(16.7));
            // Nine rated employees and three active ones are fewer than k: those fields are withheld, not the response.
            Assert.That(IsNull(data["metrics"]!["learningEngagement"]!, "score"), Is.True);
            Assert.That(IsNull(data["culturalIndicators"]!, "learningTimeAllocation"), Is.True);
            Assert.That(data["suppressedFields"]!.AsArray().Select(n => n!.GetValue<string>()),
                Is.EquivalentTo(new[] { "metrics.learningEngagement.score", "culturalIndicators.learningTimeAllocation" }));
            Assert.That(data.AsObject().ContainsKey("suppressed"), Is.False);
            Assert.That(IsNull(body["meta"]!, "suppression"), Is.True);
        });
    }

    [Test]
    public async Task Get_DepartmentOfNine_ReturnsTheSuppressedResponse()
    {
        var token = await ApiClient.TokenAsync(LearningCultureSeed.Admin);

        using var response = await ApiClient.GetAsync(Path + LearningCultureSeed.Org + "?departmentId=oc-d9", token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var data = body["data"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(data["suppressed"]!.GetValue<bool>(), Is.True);
            Assert.That(data["message"]!.GetValue<string>(), Is.EqualTo("Insufficient data: fewer than 10 people in this group."));
            Assert.That(IsNull(data, "overallCultureScore"), Is.True);
            Assert.That(IsNull(data, "cultureGrade"), Is.True);
            Assert.That(data["metrics"]!["learningEngagement"]!.AsObject().All(p => p.Value is null), Is.True);
            Assert.That(data["metrics"]!["knowledgeSharing"]!.AsObject().All(p => p.Value is null), Is.True);
            Assert.That(data["metrics"]!["continuousImprovement"]!.AsObject().All(p => p.Value is null), Is.True);
            Assert.That(data["culturalIndicators"]!.AsObject().All(p => p.Value is null), Is.True);
            Assert.That(IsNull(data["benchmarks"]!, "industryAverage"), Is.True);
            Assert.That(data["recommendations"]!.AsArray(), Is.Empty);
            Assert.That(body.ToJsonString(), Does.Not.Contain("\"employees\""));
            Assert.That(body["meta"]!["suppression"]!["reason"]!.GetValue<string>(), Is.EqualTo("GROUP_TOO_SMALL"));
            Assert.That(body["meta"]!["suppression"]!["minGroupSize"]!.GetValue<int>(), Is.EqualTo(10));
            Assert.That(body["meta"]!["suppression"]!["suppressedSegments"]!.GetValue<int>(), Is.EqualTo(0));
        });
    }

    [Test]
    public async Task Get_DemoOrgAdmin_ReturnsEveryFieldWithItsTypeAndScale()
    {
        var token = await ApiClient.TokenAsync("admin@test.com");

        using var response = await ApiClient.GetAsync(Path + "org-123", token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var data = body["data"]!.AsObject();
        var metrics = data["metrics"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(data.Select(p => p.Key), Is.SupersetOf(new[]
            {
                "overallCultureScore", "cultureGrade", "period", "metrics", "culturalIndicators", "benchmarks", "recommendations",
                "lastUpdated", "isStale", "staleness", "asOf", "source", "degraded", "definitionVersion", "dataStatus", "notAvailable",
            }));
            Assert.That(metrics.Select(p => p.Key),
                Is.EqualTo(new[] { "learningEngagement", "knowledgeSharing", "innovationMetrics", "continuousImprovement" }));
            Assert.That(metrics["learningEngagement"]!.AsObject().Select(p => p.Key),
                Is.EqualTo(new[] { "score", "activeParticipation", "voluntaryLearning", "peerCollaboration" }));
            Assert.That(metrics["knowledgeSharing"]!.AsObject().Select(p => p.Key),
                Is.EqualTo(new[] { "score", "mentorshipPrograms", "activeMentors", "knowledgeBaseSessions" }));
            Assert.That(metrics["continuousImprovement"]!.AsObject().Select(p => p.Key),
                Is.EqualTo(new[] { "score", "feedbackLoops", "courseCompletionTrend", "skillApplicationRate" }));
            Assert.That(data["culturalIndicators"]!.AsObject().Select(p => p.Key),
                Is.EqualTo(new[] { "managerSupport", "learningTimeAllocation", "recognitionPrograms", "careerDevelopmentOpportunities" }));

            var score = data["overallCultureScore"]!.GetValue<double>();
            Assert.That(score, Is.InRange(0, 1));
            Assert.That(Math.Round(score, 2), Is.EqualTo(score));
            Assert.That(data["cultureGrade"]!.GetValue<string>(), Does.Match("^(A\\+|A|A-|B\\+|B|B-|C\\+|C|C-|D|F)$"));
            Assert.That(data["period"]!.GetValue<string>(), Does.Match(@"^Q[1-4] \d{4}$"));
            AssertPct(metrics["learningEngagement"]!["activeParticipation"]);
            AssertPct(metrics["learningEngagement"]!["voluntaryLearning"]);
            AssertPct(metrics["learningEngagement"]!["peerCollaboration"]);
            AssertPct(metrics["learningEngagement"]!["score"]);
            AssertPct(metrics["knowledgeSharing"]!["score"]);
            Assert.That(metrics["knowledgeSharing"]!["knowledgeBaseSessions"]!.GetValueKind(), Is.EqualTo(JsonValueKind.Number));
            Assert.That(metrics["continuousImprovement"]!["feedbackLoops"]!.GetValue<int>(), Is.GreaterThanOrEqualTo(0));
            Assert.That(metrics["continuousImprovement"]!["courseCompletionTrend"]!.GetValue<string>(),
                Does.Match(@"^([+-]?\d+% (increase|decrease|no change)|n/a)$"));
            Assert.That(data["culturalIndicators"]!["careerDevelopmentOpportunities"]!.GetValue<int>(), Is.GreaterThanOrEqualTo(0));
            Assert.That(data["benchmarks"]!["benchmarkScope"]!.GetValue<string>(), Is.EqualTo("platform"));
            if (data["benchmarks"]!["industryAverage"] is { } average)
            {
                AssertPct(average);
                Assert.That(data["benchmarks"]!["vsIndustry"]!.GetValue<string>(), Does.Match(@"^([+-]\d+\.\d|0\.0)$"));
                Assert.That(data["benchmarks"]!["standing"]!.GetValue<string>(), Is.AnyOf("Above Average", "Average", "Below Average"));
            }

            Assert.That(data["recommendations"]!.AsArray(), Has.Count.EqualTo(2));
            Assert.That(data["definitionVersion"]!.GetValue<string>(), Is.EqualTo("learning-culture@1.0"));
            Assert.That(body["meta"]!["activeRole"]!.GetValue<string>(), Is.EqualTo("org-admin"));
        });
    }

    [Test]
    public async Task Get_WhenOrgAdminOfAnotherOrganisationReads_Returns403()
    {
        var token = await ApiClient.TokenAsync(LearningCultureSeed.OtherAdmin);

        using var response = await ApiClient.GetAsync(Path + LearningCultureSeed.Org, token);

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "ACCESS_DENIED");
    }

    [Test]
    public async Task Get_WithADepartmentOfAnotherOrganisation_Returns403()
    {
        var token = await ApiClient.TokenAsync(LearningCultureSeed.Admin);

        using var response = await ApiClient.GetAsync(Path + LearningCultureSeed.Org + "?departmentId=oc-dx", token);

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "ACCESS_DENIED");
    }

    [Test]
    public async Task Get_WithAnInvalidDepartmentId_Returns400NamingDepartmentId()
    {
        var token = await ApiClient.TokenAsync(LearningCultureSeed.Admin);

        using var response = await ApiClient.GetAsync(Path + LearningCultureSeed.Org + "?departmentId=bad%20id", token);

        var body = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.That(body["errors"]!["departmentId"], Is.Not.Null);
    }

    [TestCase("learner@test.com", null)]
    [TestCase("trainer@test.com", null)]
    [TestCase("supertester@test.com", "learner")]
    [TestCase("supertester@test.com", "trainer")]
    public async Task Get_WithALearnerOrTrainerActiveRole_Returns403RoleNotPermitted(string email, string? activeRole)
    {
        var token = await ApiClient.TokenAsync(email);

        using var response = await ApiClient.GetAsync(Path + "org-123", token, activeRole);

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "ROLE_NOT_PERMITTED");
    }

    [Test]
    public async Task Get_WhenALearnerOfTheOrganisationReads_Returns403RoleNotPermitted()
    {
        var token = await ApiClient.TokenAsync(LearningCultureSeed.LearnerEmail);

        using var response = await ApiClient.GetAsync(Path + LearningCultureSeed.Org, token);

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "ROLE_NOT_PERMITTED");
    }

    private static bool IsNull(JsonNode node, string key) => node.AsObject().ContainsKey(key) && node[key] is null;

    /// <summary>A pct field: null, or a number in 0–100 with at most 1 dp.</summary>
    private static void AssertPct(JsonNode? node)
    {
        if (node is null)
        {
            return;
        }

        var value = node.GetValue<double>();
        Assert.That(value, Is.InRange(0, 100));
        Assert.That(Math.Round(value, 1), Is.EqualTo(value));
    }
}
