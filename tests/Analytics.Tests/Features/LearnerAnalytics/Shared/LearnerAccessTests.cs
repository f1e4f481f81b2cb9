using System.Net;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.LearnerAnalytics.Shared;

/// <summary>
/// The access rules of API.md §3.3–§3.4 for every learner-analytics path at once (PRODUCT.md decision 4): learner self only,
/// trainer their students, org-admin their members, platform-admin none; invalid ids are 400 before any lookup. A new learner
/// path is covered by adding it to <see cref="Paths"/>.
/// </summary>
public sealed class LearnerAccessTests
{
    private const string Org = "la-org";
    private const string OtherOrg = "la-other-org";

    public static readonly string[] Paths =
    [
        "/api/v1/learner/analytics/overview/",
        "/api/v1/learner/analytics/velocity/",
        "/api/v1/learner/analytics/skill-gap/",
        "/api/v1/learner/analytics/engagement/",
        "/api/v1/learner/analytics/mastery/",
        "/api/v1/learner/analytics/performance/",
        "/api/v1/learner/analytics/content-effectiveness/",
    ];

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        var analysisDate = new DateOnly(2025, 3, 15);
        await TestStore.OrganisationAsync(Org, analysisDate);
        await TestStore.OrganisationAsync(OtherOrg, analysisDate);
        await TestStore.UserAsync("la-student", Org, null, "learner");
        await TestStore.UserAsync("la-stranger", Org, null, "learner");
        await TestStore.UserAsync("la-trainer", Org, null, "trainer");
        await TestStore.UserAsync("la-admin", Org, null, "org-admin");
        await TestStore.UserAsync("la-foreign-admin", OtherOrg, null, "org-admin");
        await TestStore.CourseAsync("la-course", Org, topics: 3, analysisDate.AddDays(-60), analysisDate.AddDays(30), trainerId: "la-trainer");
        await TestStore.EnrolAsync("la-student", "la-course", analysisDate.AddDays(-60));
    }

    [TestCaseSource(nameof(Paths))]
    public Task Get_OwnData_Returns200(string path) => ExpectAsync(path + "la-student", "la-student", "learner", Org, HttpStatusCode.OK);

    [TestCaseSource(nameof(Paths))]
    public Task Get_WhenLearnerReadsAnotherLearner_Returns403(string path) =>
        ExpectAsync(path + "la-student", "la-stranger", "learner", Org, HttpStatusCode.Forbidden, "ACCESS_DENIED");

    [TestCaseSource(nameof(Paths))]
    public Task Get_WhenTrainerReadsOwnStudent_Returns200(string path) =>
        ExpectAsync(path + "la-student", "la-trainer", "trainer", Org, HttpStatusCode.OK);

    [TestCaseSource(nameof(Paths))]
    public Task Get_WhenTrainerReadsLearnerOutsideTheirCourses_Returns403(string path) =>
        ExpectAsync(path + "la-stranger", "la-trainer", "trainer", Org, HttpStatusCode.Forbidden, "ACCESS_DENIED");

    [TestCaseSource(nameof(Paths))]
    public Task Get_WhenOrgAdminReadsAMember_Returns200(string path) =>
        ExpectAsync(path + "la-stranger", "la-admin", "org-admin", Org, HttpStatusCode.OK);

    [TestCaseSource(nameof(Paths))]
    public Task Get_WhenOrgAdminOfAnotherOrganisationReadsAMember_Returns403(string path) =>
        ExpectAsync(path + "la-student", "la-foreign-admin", "org-admin", OtherOrg, HttpStatusCode.Forbidden, "ACCESS_DENIED");

    [TestCaseSource(nameof(Paths))]
    public Task Get_AsPlatformAdmin_Returns403RoleNotPermitted(string path) =>
        ExpectAsync(path + "la-student", "la-operator", "platform-admin", Org, HttpStatusCode.Forbidden, "ROLE_NOT_PERMITTED");

    [TestCaseSource(nameof(Paths))]
    public async Task Get_WithInvalidId_Returns400NamingUserId(string path)
    {
        using var response = await ApiClient.GetAsync(path + "bad%20id", TestTokens.Mint("la-student", ["learner"], Org));

        var body = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.That(body["errors"]!["userId"], Is.Not.Null);
    }

    private static async Task ExpectAsync(string path, string caller, string role, string organisation, HttpStatusCode status, string? code = null)
    {
        using var response = await ApiClient.GetAsync(path, TestTokens.Mint(caller, [role], organisation));

        if (code is null)
        {
            var body = await ApiClient.ReadJsonAsync(response);
            Assert.That(response.StatusCode, Is.EqualTo(status), body.ToJsonString());
            Assert.That(body["meta"]!["activeRole"]!.GetValue<string>(), Is.EqualTo(role));
        }
        else
        {
            await ApiClient.AssertProblemAsync(response, status, code);
        }
    }
}
