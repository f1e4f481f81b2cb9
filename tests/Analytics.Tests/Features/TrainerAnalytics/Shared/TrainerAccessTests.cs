using System.Net;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.TrainerAnalytics.Shared;

/// <summary>
/// The access rules of API.md §3.3–§3.4 and PRODUCT.md decision 4 on every trainer endpoint: a trainer reads only themself, an
/// org-admin only the trainers of their organisation, a learner none; the active role decides, not the union of roles.
/// </summary>
public sealed class TrainerAccessTests
{
    public static readonly string[] Paths =
    [
        "/api/v1/trainer/analytics/overview/{0}",
        "/api/v1/trainer/analytics/course-performance/{0}",
        "/api/v1/trainer/analytics/course-health/{0}",
        "/api/v1/trainer/analytics/student-distribution/{0}",
        "/api/v1/trainer/analytics/teaching-effectiveness/{0}",
        "/api/v1/analytics/trainer/{0}/student-distribution/default-course",
        "/api/v1/analytics/trainer/{0}/teaching-effectiveness",
    ];

    [OneTimeSetUp]
    public Task SeedAsync() => TrainerScenario.EnsureAsync();

    private static string PathFor(string template, string trainerId) => template.Replace("{0}", trainerId, StringComparison.Ordinal);

    [TestCaseSource(nameof(Paths))]
    public async Task Get_WhenTrainerReadsThemself_Returns200(string template)
    {
        var token = await ApiClient.TokenAsync(TrainerScenario.Trainer);

        using var response = await ApiClient.GetAsync(PathFor(template, "tr-trainer"), token);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.GetValues("X-Active-Role").Single(), Is.EqualTo("trainer"));
    }

    [TestCaseSource(nameof(Paths))]
    public async Task Get_WhenLearnerUsesTrainerEndpoints_Returns403RoleNotPermitted(string template)
    {
        var token = await ApiClient.TokenAsync(TrainerScenario.Learner);

        using var response = await ApiClient.GetAsync(PathFor(template, "tr-trainer"), token);

        var body = await ApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "ROLE_NOT_PERMITTED");
        Assert.That(body["allowedRoles"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { "trainer", "org-admin" }));
    }

    [TestCaseSource(nameof(Paths))]
    public async Task Get_WhenTrainerReadsAnotherTrainer_Returns403(string template)
    {
        var token = await ApiClient.TokenAsync(TrainerScenario.Trainer);

        using var response = await ApiClient.GetAsync(PathFor(template, "tr-peer"), token);

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "ACCESS_DENIED");
    }

    [TestCaseSource(nameof(Paths))]
    public async Task Get_WhenOrgAdminReadsATrainerOfTheirOrganisation_Returns200(string template)
    {
        var token = await ApiClient.TokenAsync(TrainerScenario.Admin);

        using var response = await ApiClient.GetAsync(PathFor(template, "tr-trainer"), token);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCaseSource(nameof(Paths))]
    public async Task Get_WhenOrgAdminOfAnotherOrganisationReads_Returns403(string template)
    {
        var token = await ApiClient.TokenAsync(TrainerScenario.Outsider);

        using var response = await ApiClient.GetAsync(PathFor(template, "tr-trainer"), token);

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "ACCESS_DENIED");
    }

    [TestCaseSource(nameof(Paths))]
    public async Task Get_WhenMultiRoleUserIsActiveAsLearner_Returns403ButAsTrainer200(string template)
    {
        var token = await ApiClient.TokenAsync(TrainerScenario.Multi);

        using var asLearner = await ApiClient.GetAsync(PathFor(template, "tr-multi"), token, "learner");
        using var asTrainer = await ApiClient.GetAsync(PathFor(template, "tr-multi"), token, "trainer");

        await ApiClient.AssertProblemAsync(asLearner, HttpStatusCode.Forbidden, "ROLE_NOT_PERMITTED");
        Assert.That(asTrainer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCaseSource(nameof(Paths))]
    public async Task Get_UnknownTrainerId_Returns403IdenticalToOutOfScope(string template)
    {
        var token = await ApiClient.TokenAsync(TrainerScenario.Trainer);

        using var known = await ApiClient.GetAsync(PathFor(template, "tr-peer"), token);
        using var unknown = await ApiClient.GetAsync(PathFor(template, "tr-nobody"), token);

        var a = await ApiClient.AssertProblemAsync(known, HttpStatusCode.Forbidden, "ACCESS_DENIED");
        var b = await ApiClient.AssertProblemAsync(unknown, HttpStatusCode.Forbidden, "ACCESS_DENIED");
        Assert.That(a["detail"]!.GetValue<string>(), Is.EqualTo(b["detail"]!.GetValue<string>()));
    }

    [TestCaseSource(nameof(Paths))]
    public async Task Get_WithInvalidTrainerId_Returns400NamingTrainerId(string template)
    {
        var token = await ApiClient.TokenAsync(TrainerScenario.Trainer);

        using var response = await ApiClient.GetAsync(PathFor(template, "a'--"), token);

        var body = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.That(body["errors"]!["trainerId"], Is.Not.Null);
    }

    [Test]
    public async Task Get_OwnIdNotInTheStore_Returns404SubjectNotFound()
    {
        var token = TestTokens.Mint("tr-ghost", ["trainer"], TrainerScenario.Org);

        using var response = await ApiClient.GetAsync("/api/v1/trainer/analytics/course-performance/tr-ghost", token);

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.NotFound, "SUBJECT_NOT_FOUND");
    }
}
