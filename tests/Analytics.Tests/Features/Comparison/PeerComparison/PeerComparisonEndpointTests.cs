using System.Net;
using System.Text.Json.Nodes;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.Comparison.PeerComparison;

/// <summary>
/// `GET /comparison/peer/{id}` end to end: G12 on stored learner snapshots, the §0.5 suppressed answer, the subject resolution of
/// API.md §3.2 (learner, trainer-cohort, org-cohort) with its access rules, validation, and the demo users.
/// </summary>
public sealed class PeerComparisonEndpointTests
{
    private const string Org = "cp-org";
    private const string SmallOrg = "cp-small";
    private const string AloneOrg = "cp-alone";
    private static readonly DateOnly AsOf = new(2025, 3, 14);
    private static readonly int[] PeerEngagement = [40, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95];

    private DateTime _started;

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        _started = await TestStore.ScalarAsync<DateTime>("SELECT now()");
        await TestStore.OrganisationAsync(Org, AsOf.AddDays(1));
        await TestStore.OrganisationAsync(SmallOrg, AsOf.AddDays(1));
        await TestStore.OrganisationAsync(AloneOrg, AsOf.AddDays(1));

        // G12 a: the subject at engagement 70 and 11 peers (ANALYTICS.md §8).
        await PeerSeed.LearnerAsync("cp-u", Org, 70, "cp.u@example.test");
        for (var i = 0; i < PeerEngagement.Length; i++)
        {
            await PeerSeed.LearnerAsync($"cp-p{i}", Org, PeerEngagement[i], i == 0 ? "cp.p0@example.test" : null);
        }

        await TestStore.UserAsync("cp-trainer", Org, "cp.trainer@example.test", "trainer");
        await TestStore.UserAsync("cp-admin", Org, "cp.admin@example.test", "org-admin");
        await TestStore.UserAsync("cp-operator", Org, "cp.operator@example.test", "platform-admin");
        await TestStore.CourseAsync("cp-c1", Org, topics: 2, AsOf.AddDays(-60), AsOf.AddDays(60), trainerId: "cp-trainer");
        await TestStore.EnrolAsync("cp-u", "cp-c1", AsOf.AddDays(-50));

        // G12 b: the same subject with 9 peers; and a learner with no peer at all.
        await PeerSeed.LearnerAsync("cp-s-u", SmallOrg, 70, "cp.small@example.test");
        for (var i = 0; i < 9; i++)
        {
            await PeerSeed.LearnerAsync($"cp-s-p{i}", SmallOrg, PeerEngagement[i]);
        }

        await PeerSeed.LearnerAsync("cp-a-u", AloneOrg, 55, "cp.alone@example.test");
    }

    /// <summary>
    /// The snapshots this fixture stored or caused (its seeded inputs, and the demo learners' inputs a comparison computes) are
    /// removed, so later fixtures find the store as the demo generator left it.
    /// </summary>
    [OneTimeTearDown]
    public Task RemoveSnapshotsAsync() =>
        TestStore.ExecuteAsync(
            """
            DELETE FROM analytics.analytics_snapshots
            WHERE computed_at >= @started
              AND (organisation_id IN ('cp-org', 'cp-small', 'cp-alone', 'org-123') OR subject_id IN ('cp-org', 'org-123'))
            """,
            new { started = _started });

    [Test]
    public async Task Get_G12a_ReturnsTheWorkedExampleInTheEnvelope()
    {
        var token = await ApiClient.TokenAsync("cp.u@example.test");

        using var response = await ApiClient.GetAsync("/api/v1/comparison/peer/cp-u", token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var data = body["data"]!.AsObject();
        var meta = body["meta"]!.AsObject();
        var engagement = data["performanceComparisons"]!.AsArray().Single()!.AsObject();
        var peers = data["anonymizedPeerData"]!.AsArray().Single()!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(engagement.Select(p => p.Key),
                Is.EqualTo(new[] { "metric", "userValue", "peerAverage", "peerMedian", "ranking", "percentile" }));
            Assert.That(engagement["metric"]!.GetValue<string>(), Is.EqualTo("engagement"));
            Assert.That(engagement["userValue"]!.GetValue<double>(), Is.EqualTo(0.70));
            Assert.That(engagement["peerAverage"]!.GetValue<double>(), Is.EqualTo(0.695));
            Assert.That(engagement["peerMedian"]!.GetValue<double>(), Is.EqualTo(0.70));
            Assert.That(engagement["ranking"]!.GetValue<int>(), Is.EqualTo(6));
            Assert.That(engagement["percentile"]!.GetValue<int>(), Is.EqualTo(50));
            Assert.That(data["userRanking"]!["overall"]!.GetValue<int>(), Is.EqualTo(6));
            Assert.That(data["userRanking"]!["totalPeers"]!.GetValue<int>(), Is.EqualTo(12));
            Assert.That(data["userRanking"]!["percentile"]!.GetValue<int>(), Is.EqualTo(50));
            Assert.That(data["skillComparisons"]!.AsArray(), Is.Empty);
            Assert.That(data["insights"]!.AsArray(), Is.Empty, "percentile 50 is neither a strength nor an opportunity");
            Assert.That(data["recommendations"]!.AsArray(), Is.Empty);
            Assert.That(peers["peerGroup"]!.GetValue<string>(), Is.EqualTo("organisation"));
            Assert.That(peers["averageEngagement"]!.GetValue<double>(), Is.EqualTo(0.695));
            Assert.That(peers.ContainsKey("averageProgress") && peers["averageProgress"] is null, Is.True, "no peer has an active enrolment");
            Assert.That(peers["commonStrengths"]!.AsArray(), Is.Empty);
            Assert.That(peers["commonChallenges"]!.AsArray(), Is.Empty);
            Assert.That(data["definitionVersion"]!.GetValue<string>(), Is.EqualTo("peer-comparison@1.0"));
            Assert.That(data["asOf"]!.GetValue<string>(), Is.EqualTo("2025-03-14"));
            Assert.That(data["dataStatus"]!.GetValue<string>(), Is.EqualTo("partial"));
            Assert.That(data["componentsUsed"]!.AsArray().Select(c => c!.GetValue<string>()), Is.EqualTo(new[] { "engagement" }));
            Assert.That(data.ContainsKey("suppressed"), Is.False);
            Assert.That(meta["subject"]!["type"]!.GetValue<string>(), Is.EqualTo("learner"));
            Assert.That(meta["subject"]!["id"]!.GetValue<string>(), Is.EqualTo("cp-u"));
            Assert.That(meta["definitionVersion"]!.GetValue<string>(), Is.EqualTo("peer-comparison@1.0"));
            // The three metrics no peer has a value for are removed rows (§0.5).
            Assert.That(meta["suppression"]!["reason"]!.GetValue<string>(), Is.EqualTo("SEGMENTS_TOO_SMALL"));
            Assert.That(meta["suppression"]!["suppressedSegments"]!.GetValue<int>(), Is.EqualTo(3));
        });
    }

    [Test]
    public async Task Get_G12b_NinePeers_ReturnsTheExactSuppressedResponse()
    {
        var token = await ApiClient.TokenAsync("cp.small@example.test");

        using var response = await ApiClient.GetAsync("/api/v1/comparison/peer/cp-s-u", token);

        await AssertSuppressedAsync(response);
    }

    [Test]
    public async Task Get_LearnerWithNoPeers_GetsTheInsufficientDataAnswer()
    {
        var token = await ApiClient.TokenAsync("cp.alone@example.test");

        using var response = await ApiClient.GetAsync("/api/v1/comparison/peer/cp-a-u", token);

        await AssertSuppressedAsync(response);
    }

    [Test]
    public async Task Get_DepartmentScopeWithoutADepartment_IsSuppressedAndNotStored()
    {
        var token = await ApiClient.TokenAsync("cp.u@example.test");

        using var response = await ApiClient.GetAsync("/api/v1/comparison/peer/cp-u?scope=department", token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body["data"]!["suppressed"]!.GetValue<bool>(), Is.True);
            Assert.That(body["meta"]!["suppression"]!["reason"]!.GetValue<string>(), Is.EqualTo("GROUP_TOO_SMALL"));
        });
    }

    [Test]
    public async Task Get_PlatformScope_ComparesWithTheLearnersThatHaveSnapshots()
    {
        var token = await ApiClient.TokenAsync("cp.u@example.test");

        using var response = await ApiClient.GetAsync("/api/v1/comparison/peer/cp-u?scope=platform", token);
        var data = (await ApiClient.ReadJsonAsync(response))["data"]!.AsObject();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(data["anonymizedPeerData"]![0]!["peerGroup"]!.GetValue<string>(), Is.EqualTo("platform"));
            Assert.That(data["userRanking"]!["totalPeers"]!.GetValue<int>(), Is.GreaterThan(12), "at least the other seeded organisations' learners");
        });
    }

    [Test]
    public async Task Get_LearnerReadingAnotherLearner_Returns403()
    {
        var token = await ApiClient.TokenAsync("cp.u@example.test");

        using var response = await ApiClient.GetAsync("/api/v1/comparison/peer/cp-p0", token);

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "ACCESS_DENIED");
    }

    [Test]
    public async Task Get_TrainerOwnId_Returns200TheTrainerCohortForm()
    {
        var token = await ApiClient.TokenAsync("cp.trainer@example.test");

        using var response = await ApiClient.GetAsync("/api/v1/comparison/peer/cp-trainer?scope=platform", token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        Assert.Multiple(() =>
        {
            Assert.That(body["meta"]!["subject"]!["type"]!.GetValue<string>(), Is.EqualTo("trainer-cohort"));
            Assert.That(body["meta"]!["subject"]!["id"]!.GetValue<string>(), Is.EqualTo("cp-trainer"));
            // One trainer in the organisation: no peers, so the whole answer is withheld (scope is ignored for cohorts).
            Assert.That(body["data"]!["suppressed"]!.GetValue<bool>(), Is.True);
            Assert.That(body["data"]!["skillComparisons"]!.AsArray(), Is.Empty);
        });
    }

    [Test]
    public async Task Get_TrainerReadingOwnStudent_Returns200TheLearnerForm()
    {
        var token = await ApiClient.TokenAsync("cp.trainer@example.test");

        using var response = await ApiClient.GetAsync("/api/v1/comparison/peer/cp-u", token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        Assert.Multiple(() =>
        {
            Assert.That(body["meta"]!["subject"]!["type"]!.GetValue<string>(), Is.EqualTo("learner"));
            Assert.That(body["data"]!["userRanking"]!["overall"]!.GetValue<int>(), Is.EqualTo(6));
        });
    }

    [Test]
    public async Task Get_TrainerReadingANonStudent_Returns403()
    {
        var token = await ApiClient.TokenAsync("cp.trainer@example.test");

        using var response = await ApiClient.GetAsync("/api/v1/comparison/peer/cp-p0", token);

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "ACCESS_DENIED");
    }

    [Test]
    public async Task Get_OrgAdminOwnOrganisation_Returns200TheOrgCohortForm()
    {
        var token = await ApiClient.TokenAsync("cp.admin@example.test");

        using var response = await ApiClient.GetAsync($"/api/v1/comparison/peer/{Org}", token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var data = body["data"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(body["meta"]!["subject"]!["type"]!.GetValue<string>(), Is.EqualTo("org-cohort"));
            Assert.That(data["skillComparisons"]!.AsArray(), Is.Empty);
            if (data["suppressed"] is null)
            {
                Assert.That(data["anonymizedPeerData"]![0]!["peerGroup"]!.GetValue<string>(), Is.EqualTo("platform-organisations"));
                Assert.That(data["performanceComparisons"]!.AsArray().Select(c => c!["metric"]!.GetValue<string>()),
                    Is.SubsetOf(new[] { "participation", "completion", "engagement", "alignment" }));
            }
            else
            {
                Assert.That(data["userRanking"]!["totalPeers"], Is.Null);
            }
        });
    }

    [Test]
    public async Task Get_OrgAdminReadingAMember_Returns200TheLearnerForm()
    {
        var token = await ApiClient.TokenAsync("cp.admin@example.test");

        using var response = await ApiClient.GetAsync("/api/v1/comparison/peer/cp-p0", token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        Assert.Multiple(() =>
        {
            Assert.That(body["meta"]!["subject"]!["type"]!.GetValue<string>(), Is.EqualTo("learner"));
            // cp-p0 has the lowest engagement (40) of 12: rank 12, percentile (0 + 0)/11 → 0, an opportunity.
            Assert.That(body["data"]!["userRanking"]!["overall"]!.GetValue<int>(), Is.EqualTo(12));
            Assert.That(body["data"]!["userRanking"]!["percentile"]!.GetValue<int>(), Is.EqualTo(0));
            Assert.That(body["data"]!["insights"]![0]!["type"]!.GetValue<string>(), Is.EqualTo("opportunity"));
        });
    }

    [Test]
    public async Task Get_OrgAdminReadingAnotherOrganisation_Returns403()
    {
        var token = await ApiClient.TokenAsync("cp.admin@example.test");

        using var other = await ApiClient.GetAsync($"/api/v1/comparison/peer/{SmallOrg}", token);
        using var otherMember = await ApiClient.GetAsync("/api/v1/comparison/peer/cp-s-u", token);

        await ApiClient.AssertProblemAsync(other, HttpStatusCode.Forbidden, "ACCESS_DENIED");
        await ApiClient.AssertProblemAsync(otherMember, HttpStatusCode.Forbidden, "ACCESS_DENIED");
    }

    [Test]
    public async Task Get_AsPlatformAdmin_Returns403RoleNotPermitted()
    {
        var token = await ApiClient.TokenAsync("cp.operator@example.test");

        using var response = await ApiClient.GetAsync("/api/v1/comparison/peer/cp-operator", token);

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "ROLE_NOT_PERMITTED");
    }

    [TestCase("bad%20id")]
    [TestCase("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    public async Task Get_WithInvalidId_Returns400NamingId(string id)
    {
        var token = await ApiClient.TokenAsync("cp.u@example.test");

        using var response = await ApiClient.GetAsync($"/api/v1/comparison/peer/{id}", token);

        var body = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.That(body["errors"]!["id"], Is.Not.Null);
    }

    [Test]
    public async Task Get_WithUnknownScope_Returns400NamingScope()
    {
        var token = await ApiClient.TokenAsync("cp.u@example.test");

        using var response = await ApiClient.GetAsync("/api/v1/comparison/peer/cp-u?scope=team", token);

        var body = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.That(body["errors"]!["scope"], Is.Not.Null);
    }

    [Test]
    public async Task Get_DemoUsers_Return200WithThePayloadFieldsAndDifferentValuesPerLearner()
    {
        var learner = await ApiClient.TokenAsync("learner@test.com");
        var admin = await ApiClient.TokenAsync("admin@test.com");

        using var own = await ApiClient.GetAsync("/api/v1/comparison/peer/learner-123", learner);
        var ownBody = await ApiClient.ReadJsonAsync(own);
        Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.OK), ownBody.ToJsonString());
        var data = ownBody["data"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(data.Select(p => p.Key), Is.SupersetOf(new[]
            {
                "userRanking", "performanceComparisons", "skillComparisons", "anonymizedPeerData", "insights", "recommendations",
                "lastUpdated", "isStale", "staleness", "asOf", "source", "degraded", "definitionVersion", "dataStatus", "notAvailable",
            }));
            Assert.That(data["userRanking"]!["totalPeers"]!.GetValue<int>(), Is.GreaterThan(10));
            Assert.That(data["userRanking"]!["percentile"]!.GetValue<int>(), Is.InRange(0, 100));
            Assert.That(data["performanceComparisons"]!.AsArray(), Is.Not.Empty);
            foreach (var row in data["performanceComparisons"]!.AsArray())
            {
                Assert.That(row!["userValue"]?.GetValue<double>() ?? 0, Is.InRange(0.0, 1.0), "ratios, not percentages");
                Assert.That(row["peerAverage"]!.GetValue<double>(), Is.InRange(0.0, 1.0));
            }
        });

        // Another learner of org-123 whose stored engagement differs (the read above stored every member's inputs).
        var other = await TestStore.ScalarAsync<string>(
            """
            SELECT s.subject_id FROM analytics.analytics_snapshots s
            WHERE s.subject_type = 'learner' AND s.analytic = 'engagement' AND s.organisation_id = 'org-123' AND s.subject_id <> 'learner-123'
              AND s.payload -> 'overallEngagement' IS DISTINCT FROM
                  (SELECT o.payload -> 'overallEngagement' FROM analytics.analytics_snapshots o
                   WHERE o.subject_type = 'learner' AND o.analytic = 'engagement' AND o.subject_id = 'learner-123')
            ORDER BY s.subject_id LIMIT 1
            """);
        Assert.That(other, Is.Not.Null);
        using var member = await ApiClient.GetAsync($"/api/v1/comparison/peer/{other}", admin, "org-admin");
        var memberBody = await ApiClient.ReadJsonAsync(member);
        Assert.That(member.StatusCode, Is.EqualTo(HttpStatusCode.OK), memberBody.ToJsonString());
        Assert.That(Values(memberBody), Is.Not.EqualTo(Values(ownBody)));

        using var cohort = await ApiClient.GetAsync("/api/v1/comparison/peer/org-123", admin, "org-admin");
        var cohortBody = await ApiClient.ReadJsonAsync(cohort);
        Assert.That(cohort.StatusCode, Is.EqualTo(HttpStatusCode.OK), cohortBody.ToJsonString());
        Assert.That(cohortBody["meta"]!["subject"]!["type"]!.GetValue<string>(), Is.EqualTo("org-cohort"));
    }

    private static string Values(JsonObject body) =>
        string.Join('|', body["data"]!["performanceComparisons"]!.AsArray().Select(r => r!["userValue"]?.ToJsonString() ?? "null"));

    /// <summary>The §0.5 answer for peer comparison: shape kept, aggregates null, lists empty, `meta.suppression` GROUP_TOO_SMALL.</summary>
    private static async Task AssertSuppressedAsync(HttpResponseMessage response)
    {
        var body = await ApiClient.ReadJsonAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var data = body["data"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(data.Select(p => p.Key), Is.EquivalentTo(new[]
            {
                "suppressed", "message", "userRanking", "performanceComparisons", "skillComparisons", "anonymizedPeerData", "insights",
                "recommendations", "definitionVersion", "lastUpdated", "isStale", "staleness", "asOf", "source", "degraded", "dataStatus",
                "notAvailable",
            }));
            Assert.That(data["suppressed"]!.GetValue<bool>(), Is.True);
            Assert.That(data["message"]!.GetValue<string>(), Is.EqualTo("Insufficient data: fewer than 10 people in this group."));
            Assert.That(data["userRanking"]!.ToJsonString(), Is.EqualTo("""{"overall":null,"totalPeers":null,"percentile":null}"""));
            foreach (var list in new[] { "performanceComparisons", "skillComparisons", "anonymizedPeerData", "insights", "recommendations", "notAvailable" })
            {
                Assert.That(data[list]!.AsArray(), Is.Empty, list);
            }

            Assert.That(data["definitionVersion"]!.GetValue<string>(), Is.EqualTo("peer-comparison@1.0"));
            Assert.That(data["dataStatus"]!.GetValue<string>(), Is.EqualTo("ok"));
            Assert.That(body["meta"]!["suppression"]!.ToJsonString(),
                Is.EqualTo("""{"reason":"GROUP_TOO_SMALL","minGroupSize":10,"suppressedSegments":0}"""));
        });
    }
}
