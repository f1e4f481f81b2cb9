using System.Net;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.LearnerAnalytics.Velocity;

/// <summary>
/// The velocity endpoint end to end on rows written to the store: ANALYTICS.md G1 through SQL, the envelope of API.md §1.2,
/// ETag/304 and the access rules of API.md §3.3–§3.4.
/// </summary>
public sealed class VelocityEndpointTests
{
    private const string Org = "vel-org";
    private static readonly DateOnly AsOf = new(2025, 3, 14);

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        await TestStore.OrganisationAsync(Org, AsOf.AddDays(1));
        await TestStore.UserAsync("vel-g1", Org, "vel.g1@example.test", "learner");
        await TestStore.UserAsync("vel-peer", Org, "vel.peer@example.test", "learner");
        await TestStore.UserAsync("vel-trainer", Org, "vel.trainer@example.test", "trainer");
        await TestStore.UserAsync("vel-admin", Org, "vel.admin@example.test", "org-admin");
        await TestStore.UserAsync("vel-multi", Org, "vel.multi@example.test", "learner", "trainer", "platform-admin");
        await TestStore.UserAsync("vel-empty", Org, "vel.empty@example.test", "learner");

        // G1: one course ending at asOf+28 with 12 topics; 6 completed at −2, −8, −10, −12, −20, −40 (ANALYTICS.md §8).
        await TestStore.CourseAsync("vel-c1", Org, topics: 12, AsOf.AddDays(-150), AsOf.AddDays(28), trainerId: "vel-trainer");
        await TestStore.EnrolAsync("vel-g1", "vel-c1", AsOf.AddDays(-150));
        var topic = 1;
        foreach (var offset in new[] { -40, -20, -12, -10, -8, -2 })
        {
            await TestStore.CompleteTopicAsync("vel-g1", "vel-c1", topic++, AsOf.AddDays(offset));
        }

        // A completion after asOf is ignored by every window.
        await TestStore.CompleteTopicAsync("vel-g1", "vel-c1", topic, AsOf.AddDays(1));
    }

    [Test]
    public async Task Get_G1Learner_ReturnsTheWorkedExampleInTheEnvelope()
    {
        var token = await ApiClient.TokenAsync("vel.g1@example.test");

        using var response = await ApiClient.GetAsync("/api/v1/learner/analytics/velocity/vel-g1", token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var data = body["data"]!.AsObject();
        var meta = body["meta"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(data["currentVelocity"]!.GetValue<int>(), Is.EqualTo(78));
            Assert.That(data["momentum"]!.GetValue<string>(), Is.EqualTo("slowing"));
            Assert.That(data["trend"]!.GetValue<string>(), Is.EqualTo("down"));
            Assert.That(data["timeWindows"]!["7d"]!["velocity"]!.GetValue<int>(), Is.EqualTo(67));
            Assert.That(data["timeWindows"]!["30d"]!["momentum"]!.GetValue<string>(), Is.EqualTo("accelerating"));
            Assert.That(data["timeWindows"]!["90d"]!["velocity"]!.GetValue<int>(), Is.EqualTo(31));
            Assert.That(data["unitsPerWeek"]!["30d"]!.GetValue<double>(), Is.EqualTo(1.17));
            Assert.That(data["targetUnitsPerWeek"]!.GetValue<double>(), Is.EqualTo(1.5));
            Assert.That(data["remainingUnits"]!.GetValue<int>(), Is.EqualTo(6));
            Assert.That(data["stalled"]!.GetValue<bool>(), Is.False);
            Assert.That(data["estimatedCompletion"]!.GetValue<string>(), Is.EqualTo("2025-04-25"));
            Assert.That(data["velocityHistory"]!.AsArray().Select(p => p!["velocity"]!.GetValue<int>()),
                Is.EqualTo(new[] { 0, 0, 0, 0, 0, 0, 19, 17, 15, 28, 67, 78 }));
            Assert.That(data["velocityHistory"]![11]!["date"]!.GetValue<string>(), Is.EqualTo("2025-03-14"));
            Assert.That(data["asOf"]!.GetValue<string>(), Is.EqualTo("2025-03-14"));
            Assert.That(data["definitionVersion"]!.GetValue<string>(), Is.EqualTo("velocity@1.0"));
            Assert.That(data["dataStatus"]!.GetValue<string>(), Is.EqualTo("ok"));
            Assert.That(data["notAvailable"]!.AsArray(), Is.Empty);
            Assert.That(data["isStale"]!.GetValue<bool>(), Is.False);
            Assert.That(data["staleness"]!.GetValue<string>(), Is.EqualTo("fresh"));
            Assert.That(data["lastUpdated"]!.GetValue<string>(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"));
            Assert.That(body["lastUpdated"]!.GetValue<string>(), Is.EqualTo(meta["computedAt"]!.GetValue<string>()));
            Assert.That(body["isStale"]!.GetValue<bool>(), Is.False);
            Assert.That(body["staleness"]!.GetValue<string>(), Is.EqualTo("fresh"));
            Assert.That(meta["definitionVersion"]!.GetValue<string>(), Is.EqualTo("velocity@1.0"));
            Assert.That(meta["activeRole"]!.GetValue<string>(), Is.EqualTo("learner"));
            Assert.That(meta["subject"]!["type"]!.GetValue<string>(), Is.EqualTo("learner"));
            Assert.That(meta["subject"]!["id"]!.GetValue<string>(), Is.EqualTo("vel-g1"));
            Assert.That(meta["degraded"]!.GetValue<bool>(), Is.False);
            Assert.That(meta["degradedUpstreams"]!.AsArray(), Is.Empty);
            Assert.That(meta["refreshing"]!.GetValue<bool>(), Is.False);
            Assert.That(meta.ContainsKey("refreshJobId") && meta["refreshJobId"] is null, Is.True);
            Assert.That(meta.ContainsKey("suppression") && meta["suppression"] is null, Is.True);
            Assert.That(response.Headers.NonValidated["Cache-Control"].ToString(), Is.EqualTo("private, no-cache"));
        });
    }

    [Test]
    public async Task Get_Twice_SecondReadIsServedFromMemory()
    {
        var token = await ApiClient.TokenAsync("vel.peer@example.test");

        using var first = await ApiClient.GetAsync("/api/v1/learner/analytics/velocity/vel-peer?window=7d", token);
        using var second = await ApiClient.GetAsync("/api/v1/learner/analytics/velocity/vel-peer?window=7d", token);
        var a = await ApiClient.ReadJsonAsync(first);
        var b = await ApiClient.ReadJsonAsync(second);

        Assert.Multiple(() =>
        {
            Assert.That(a["cached"]!.GetValue<bool>(), Is.False);
            Assert.That(a["meta"]!["servedFrom"]!.GetValue<string>(), Is.EqualTo("computed"));
            Assert.That(b["cached"]!.GetValue<bool>(), Is.True);
            Assert.That(b["meta"]!["servedFrom"]!.GetValue<string>(), Is.EqualTo("memory"));
        });
    }

    [Test]
    public async Task Get_WithMatchingIfNoneMatch_Returns304WithTheSameEtag()
    {
        var token = await ApiClient.TokenAsync("vel.g1@example.test");
        using var first = await ApiClient.GetAsync("/api/v1/learner/analytics/velocity/vel-g1", token);
        var etag = first.Headers.ETag?.ToString();
        Assert.That(etag, Does.StartWith("W/\""));

        using var second = await ApiClient.GetAsync("/api/v1/learner/analytics/velocity/vel-g1", token, ifNoneMatch: etag);

        Assert.Multiple(() =>
        {
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
            Assert.That(second.Headers.ETag?.ToString(), Is.EqualTo(etag));
        });
    }

    [Test]
    public async Task Get_WithWindow_ReplacesCurrentVelocity()
    {
        var token = await ApiClient.TokenAsync("vel.g1@example.test");

        using var response = await ApiClient.GetAsync("/api/v1/learner/analytics/velocity/vel-g1?window=7d", token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.That(body["data"]!["currentVelocity"]!.GetValue<int>(), Is.EqualTo(67));
    }

    [Test]
    public async Task Get_LearnerWithoutEnrolment_ReturnsTheNoDataShape()
    {
        var token = await ApiClient.TokenAsync("vel.empty@example.test");

        using var response = await ApiClient.GetAsync("/api/v1/learner/analytics/velocity/vel-empty", token);
        var data = (await ApiClient.ReadJsonAsync(response))["data"]!.AsObject();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(data["dataStatus"]!.GetValue<string>(), Is.EqualTo("no-data"));
            Assert.That(data.ContainsKey("currentVelocity") && data["currentVelocity"] is null, Is.True);
            Assert.That(data["timeWindows"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "7d", "30d", "90d" }));
            Assert.That(data["velocityHistory"]!.AsArray(), Is.Empty);
        });
    }

    [Test]
    public async Task Get_UnknownIdOutsideScope_Returns403IdenticalToOutOfScope()
    {
        var token = await ApiClient.TokenAsync("vel.peer@example.test");

        using var known = await ApiClient.GetAsync("/api/v1/learner/analytics/velocity/vel-g1", token);
        using var unknown = await ApiClient.GetAsync("/api/v1/learner/analytics/velocity/no-such-user", token);

        var a = await ApiClient.AssertProblemAsync(known, HttpStatusCode.Forbidden, "ACCESS_DENIED");
        var b = await ApiClient.AssertProblemAsync(unknown, HttpStatusCode.Forbidden, "ACCESS_DENIED");
        Assert.That(a["detail"]!.GetValue<string>(), Is.EqualTo(b["detail"]!.GetValue<string>()));
    }

    [Test]
    public async Task Get_OwnIdNotInTheStore_Returns404SubjectNotFound()
    {
        var token = TestTokens.Mint("vel-ghost", ["learner"], Org);

        using var response = await ApiClient.GetAsync("/api/v1/learner/analytics/velocity/vel-ghost", token);

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.NotFound, "SUBJECT_NOT_FOUND");
    }

    [Test]
    public async Task Get_TrainerReadingOwnLearnerData_Returns403BecauseLearnerDataNeedsTheLearnerRole()
    {
        var token = await ApiClient.TokenAsync("vel.multi@example.test");

        using var asTrainer = await ApiClient.GetAsync("/api/v1/learner/analytics/velocity/vel-multi", token, "trainer");
        using var asLearner = await ApiClient.GetAsync("/api/v1/learner/analytics/velocity/vel-multi", token, "learner");

        await ApiClient.AssertProblemAsync(asTrainer, HttpStatusCode.Forbidden, "ACCESS_DENIED");
        Assert.That(asLearner.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(asLearner.Headers.GetValues("X-Active-Role").Single(), Is.EqualTo("learner"));
    }

    [Test]
    public async Task Get_AsPlatformAdmin_Returns403RoleNotPermitted()
    {
        var token = await ApiClient.TokenAsync("vel.multi@example.test");

        using var response = await ApiClient.GetAsync("/api/v1/learner/analytics/velocity/vel-multi", token, "platform-admin");

        var body = await ApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "ROLE_NOT_PERMITTED");
        Assert.That(body["allowedRoles"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { "learner", "trainer", "org-admin" }));
    }

    [TestCase("bad%20id")]
    [TestCase("a'--")]
    [TestCase("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    public async Task Get_WithInvalidId_Returns400NamingUserId(string id)
    {
        var token = await ApiClient.TokenAsync("vel.g1@example.test");

        using var response = await ApiClient.GetAsync($"/api/v1/learner/analytics/velocity/{id}", token);

        var body = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.That(body["errors"]!["userId"], Is.Not.Null);
    }

    [Test]
    public async Task Get_WithUnknownWindow_Returns400NamingWindow()
    {
        var token = await ApiClient.TokenAsync("vel.g1@example.test");

        using var response = await ApiClient.GetAsync("/api/v1/learner/analytics/velocity/vel-g1?window=1y", token);

        var body = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.That(body["errors"]!["window"], Is.Not.Null);
    }
}
