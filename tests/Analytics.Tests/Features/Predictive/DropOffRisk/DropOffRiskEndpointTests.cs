using System.Net;
using System.Text.Json.Nodes;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.Predictive.DropOffRisk;

/// <summary>
/// `GET /predictive/drop-off-risk/{id}` and `GET /predictive/at-risk/{id}` end to end on a seeded organisation (asOf 2025-03-14):
/// the transparent rule's scores on hand-made learners (E stated by an engagement snapshot), the scored population, patterns,
/// trend, signals and interventions, opt-out, the cohort forms with their k rule, the at-risk list, access rules and the demo users.
/// </summary>
public sealed class DropOffRiskEndpointTests
{
    private const string Org = "dr-org";
    private const string Course = "dr-c1";
    private static readonly DateOnly AsOf = new(2025, 3, 14);
    private static readonly string[] Fillers = ["dr-f0", "dr-f1", "dr-f2", "dr-f3", "dr-f4"];

    private DateTime _started;

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        _started = await TestStore.ScalarAsync<DateTime>("SELECT now()");
        await TestStore.OrganisationAsync(Org, AsOf.AddDays(1));
        await TestStore.UserAsync("dr-trainer", Org, "dr.trainer@example.test", "trainer");
        await TestStore.UserAsync("dr-trainer2", Org, "dr.trainer2@example.test", "trainer");
        await TestStore.UserAsync("dr-admin", Org, "dr.admin@example.test", "org-admin");
        await TestStore.CourseAsync(Course, Org, topics: 6, AsOf.AddDays(-70), AsOf.AddDays(60), trainerId: "dr-trainer");
        await TestStore.CourseAsync("dr-c2", Org, topics: 1, AsOf.AddDays(-70), AsOf.AddDays(60));
        await TestStore.CourseAsync("dr-cnew", Org, topics: 1, AsOf.AddDays(-3), AsOf.AddDays(60));
        await TestStore.CourseAsync("dr-c3", Org, topics: 1, AsOf.AddDays(-70), AsOf.AddDays(60), trainerId: "dr-trainer2");
        await DropOffSeed.ContentItemAsync("dr-i1", Course, "video");
        await DropOffSeed.ContentItemAsync("dr-i2", Course, "quiz");
        await DropOffSeed.AssessmentAsync("dr-a0", Course, AsOf.AddDays(-30));
        await DropOffSeed.AssessmentAsync("dr-a1", Course, AsOf.AddDays(-5));

        // 0: E ≥ 50 and a unit completed this week (no decline from an empty week before).
        await EnrolledAsync("dr-l0", 80, 80);
        await TestStore.CompleteTopicAsync("dr-l0", Course, 1, AsOf.AddDays(-2));
        // 30: no progress event in the last 7 days.
        await EnrolledAsync("dr-l30a", 80, 80);
        await DropOffSeed.ActivityAsync("dr-l30a", Course, "dr-i1", AsOf.AddDays(-10), 5);
        // 30: velocity decline (2 units the week before, 1 this week).
        await EnrolledAsync("dr-l30b", 80, 80);
        await TopicsAsync("dr-l30b", AsOf.AddDays(-10), AsOf.AddDays(-9), AsOf.AddDays(-3));
        // 40: E < 50 only.
        await EnrolledAsync("dr-l40", 40, 40);
        await DropOffSeed.ActivityAsync("dr-l40", Course, "dr-i1", AsOf.AddDays(-1), 5);
        // 60: decline and no progress.
        await EnrolledAsync("dr-l60", 80, 80);
        await TopicsAsync("dr-l60", AsOf.AddDays(-10), AsOf.AddDays(-9));
        // 70: E < 50 and no progress.
        await EnrolledAsync("dr-l70", 40, 40);
        await DropOffSeed.ActivityAsync("dr-l70", Course, "dr-i1", AsOf.AddDays(-12), 5);
        // 100: all three; a week earlier E was 80 and the units fell in the window before (risk 0), a low score and missed deadlines.
        await EnrolledAsync("dr-l100", 40, 80, "dr.l100@example.test");
        await TopicsAsync("dr-l100", AsOf.AddDays(-10), AsOf.AddDays(-9));
        await DropOffSeed.ActivityAsync("dr-l100", Course, "dr-i1", AsOf.AddDays(-9), 3, minutes: 30);
        await DropOffSeed.ActivityAsync("dr-l100", Course, "dr-i2", AsOf.AddDays(-20), 5, minutes: 90);
        await DropOffSeed.SubmissionAsync("dr-a0", "dr-l100", AsOf.AddDays(-30), 30);
        foreach (var filler in Fillers)
        {
            await EnrolledAsync(filler, 60, 60);
            await DropOffSeed.ActivityAsync(filler, Course, "dr-i2", AsOf.AddDays(-1), 4);
        }

        // An active enrolment and a withdrawn one: only the active one is scored.
        await EnrolledAsync("dr-w", 60, 60, "dr.w@example.test");
        await DropOffSeed.ActivityAsync("dr-w", Course, "dr-i2", AsOf.AddDays(-1), 4);
        await TestStore.EnrolAsync("dr-w", "dr-c2", AsOf.AddDays(-70));
        await DropOffSeed.WithdrawAsync("dr-w", "dr-c2", AsOf.AddDays(-20));
        // Opted out of predictive analytics.
        await EnrolledAsync("dr-opt", 60, 60, "dr.opt@example.test");
        await TestStore.ExecuteAsync("UPDATE lrs.users SET predictive_opt_out = true WHERE id = 'dr-opt'");
        // Too early (course started 3 days ago) and no active enrolment (withdrawn).
        await DropOffSeed.LearnerAsync("dr-early", Org, AsOf, 60, 60, "dr.early@example.test");
        await TestStore.EnrolAsync("dr-early", "dr-cnew", AsOf.AddDays(-3));
        await DropOffSeed.LearnerAsync("dr-gone", Org, AsOf, 60, 60, "dr.gone@example.test");
        await TestStore.EnrolAsync("dr-gone", "dr-c2", AsOf.AddDays(-70));
        await DropOffSeed.WithdrawAsync("dr-gone", "dr-c2", AsOf.AddDays(-20));
        // A second trainer's cohort of 3 scored learners: below k.
        foreach (var small in new[] { "dr-s0", "dr-s1", "dr-s2" })
        {
            await DropOffSeed.LearnerAsync(small, Org, AsOf, 60, 60);
            await TestStore.EnrolAsync(small, "dr-c3", AsOf.AddDays(-70));
        }
    }

    [OneTimeTearDown]
    public Task RemoveSnapshotsAsync() =>
        TestStore.ExecuteAsync(
            """
            DELETE FROM analytics.analytics_snapshots
            WHERE computed_at >= @started AND (organisation_id IN ('dr-org', 'org-123') OR subject_id IN ('dr-org', 'org-123'))
            """,
            new { started = _started });

    [TestCase("dr-l0", 0, "Low")]
    [TestCase("dr-l30a", 30, "Low")]
    [TestCase("dr-l30b", 30, "Low")]
    [TestCase("dr-l40", 40, "Medium")]
    [TestCase("dr-l60", 60, "High")]
    [TestCase("dr-l70", 70, "High")]
    [TestCase("dr-l100", 100, "Critical")]
    public async Task Get_HandMadeLearner_ScoresTheRule(string userId, int risk, string level)
    {
        var data = await DataAsync($"/api/v1/predictive/drop-off-risk/{userId}", "dr.trainer@example.test");

        Assert.Multiple(() =>
        {
            Assert.That(data["scored"]!.GetValue<bool>(), Is.True);
            Assert.That(data["riskAssessment"]!["overallRisk"]!.GetValue<int>(), Is.EqualTo(risk));
            Assert.That(data["riskLevel"]!.GetValue<string>(), Is.EqualTo(level));
            Assert.That(data["enrolments"]!.AsArray().Single()!["riskScore"]!.GetValue<int>(), Is.EqualTo(risk));
            Assert.That(data["factors"]!.AsArray().Sum(f => f!["contribution"]!.GetValue<double>()), Is.EqualTo(risk));
        });
    }

    [Test]
    public async Task Get_CriticalLearner_ReturnsEveryFieldWithTrendPatternsSignalsAndInterventions()
    {
        var token = await ApiClient.TokenAsync("dr.l100@example.test");

        using var response = await ApiClient.GetAsync("/api/v1/predictive/drop-off-risk/dr-l100", token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var data = body["data"]!.AsObject();
        var assessment = data["riskAssessment"]!.AsObject();
        var patterns = data["engagementPatterns"]!.AsArray();
        var signals = data["warningSignals"]!.AsArray().Select(s => (s!["type"]!.GetValue<string>(), s["severity"]!.GetValue<string>())).ToArray();
        var interventions = data["interventionRecommendations"]!.AsArray();
        var card = data["modelCard"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(body["meta"]!["subject"]!["type"]!.GetValue<string>(), Is.EqualTo("learner"));
            Assert.That(body["meta"]!["definitionVersion"]!.GetValue<string>(), Is.EqualTo("drop-off-risk@1.0"));
            Assert.That(data["definitionVersion"]!.GetValue<string>(), Is.EqualTo("drop-off-risk@1.0"));
            Assert.That(data["asOf"]!.GetValue<string>(), Is.EqualTo("2025-03-14"));
            Assert.That(data["reason"], Is.Null);
            Assert.That(assessment.Select(p => p.Key), Is.EqualTo(new[] { "overallRisk", "engagementScore", "daysSinceLastActivity", "trend" }));
            Assert.That(assessment["engagementScore"]!.GetValue<int>(), Is.EqualTo(40));
            Assert.That(assessment["daysSinceLastActivity"]!.GetValue<int>(), Is.EqualTo(9));
            Assert.That(assessment["trend"]!.GetValue<int>(), Is.EqualTo(100), "risk 0 a week earlier (E 80, units rising, progress)");
            Assert.That(data["enrolments"]!.AsArray().Single()!.AsObject().Select(p => p.Key),
                Is.EqualTo(new[] { "courseId", "courseTitle", "riskScore", "riskLevel" }));

            Assert.That(patterns, Has.Count.EqualTo(8));
            Assert.That(patterns.Select(p => p!["date"]!.GetValue<string>()),
                Is.EqualTo(Enumerable.Range(0, 8).Select(i => AsOf.AddDays(-7 * (7 - i)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));
            Assert.That(patterns[7]!["week"]!.GetValue<string>(), Is.EqualTo("2025-W11"));
            Assert.That(patterns[7]!["riskScore"]!.GetValue<int>(), Is.EqualTo(100));
            Assert.That(patterns[7]!["engagementScore"]!.GetValue<int>(), Is.EqualTo(40));
            Assert.That(patterns[7]!["activity"]!.GetValue<string>(), Is.EqualTo("No activity"));
            Assert.That(patterns[6]!["riskScore"]!.GetValue<int>(), Is.EqualTo(0));
            Assert.That(patterns[6]!["activity"]!.GetValue<string>(), Is.EqualTo("video"));
            Assert.That(patterns[6]!["duration"]!.GetValue<string>(), Is.EqualTo("30m"));
            Assert.That(patterns[5]!["activity"]!.GetValue<string>(), Is.EqualTo("quiz"));
            Assert.That(patterns[5]!["duration"]!.GetValue<string>(), Is.EqualTo("1.5h"));
            Assert.That(data["notAvailable"]!.AsArray(), Is.Empty);

            Assert.That(signals, Is.EqualTo(new[]
            {
                ("Inactivity", "Medium"), ("Low engagement", "Medium"), ("Declining velocity", "Medium"), ("Missed deadlines", "Medium"),
                ("Low scores", "High"),
            }));
            Assert.That(data["warningSignals"]![1]!["duration"]!.GetValue<string>(), Is.EqualTo("1 week"));
            Assert.That(interventions.Select(i => i!["type"]!.GetValue<string>()),
                Is.EqualTo(new[] { "Personal outreach", "Reminder", "Deadline support", "Tutoring on the weakest topic" }),
                "§5.1 order, capped at 4 (Study plan and Pacing check-in also apply)");
            Assert.That(interventions[0]!["timeline"]!.GetValue<string>(), Is.EqualTo("within 24 hours"));
            Assert.That(interventions[0]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "type", "priority", "description", "action", "timeline" }));

            Assert.That(data["factors"]!.AsArray().Select(f => f!["factor"]!.GetValue<string>()),
                Is.EqualTo(new[] { "engagement", "velocityDecline", "noProgress7d" }));
            Assert.That(data["factors"]![0]!["value"]!.GetValue<double>(), Is.EqualTo(40));
            Assert.That(data["factors"]![0]!["cohort"]!.GetValue<string>(), Is.EqualTo("course-week"), "13 scored learners of dr-c1 at week 10");
            Assert.That(data["factors"]![0]!["cohortMedian"]!.GetValue<double>(), Is.EqualTo(60));
            Assert.That(data["factors"]![0]!["direction"]!.GetValue<string>(), Is.EqualTo("raises"));

            Assert.That(card["kind"]!.GetValue<string>(), Is.EqualTo("rule"));
            Assert.That(card["algorithm"]!.GetValue<string>(), Is.EqualTo("rule-dropoff@1"));
            Assert.That(card["fallbackRule"]!.GetValue<string>(), Is.EqualTo("rule-dropoff@1"));
            Assert.That(card["trainedAt"], Is.Null);
            Assert.That(card["fallbackUsed"]!.GetValue<bool>(), Is.True);
            Assert.That(card["fallbackReason"]!.GetValue<string>(), Is.EqualTo("no-model"));
            Assert.That(card["qualityGate"]!["status"]!.GetValue<string>(), Is.EqualTo("not-evaluated"));
            Assert.That(card["qualityGate"]!["passed"]!.GetValue<bool>(), Is.False);
            Assert.That(card["qualityGate"]!["thresholds"]!["week4"]!.GetValue<double>(), Is.EqualTo(0.65));
            Assert.That(card["scoredBy"]!["rule"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(card["scoredBy"]!["model"]!.GetValue<int>(), Is.EqualTo(0));
            Assert.That(card["organisationId"]!.GetValue<string>(), Is.EqualTo(Org));
        });
    }

    [Test]
    public async Task Get_CourseStartedThreeDaysAgo_IsTooEarly()
    {
        var data = await DataAsync("/api/v1/predictive/drop-off-risk/dr-early", "dr.early@example.test");

        AssertEmpty(data, "too-early");
    }

    [Test]
    public async Task Get_OnlyAWithdrawnEnrolment_HasNoActiveEnrolment()
    {
        var data = await DataAsync("/api/v1/predictive/drop-off-risk/dr-gone", "dr.gone@example.test");

        AssertEmpty(data, "no-active-enrolment");
    }

    [Test]
    public async Task Get_WithdrawnEnrolment_IsNotScored()
    {
        var data = await DataAsync("/api/v1/predictive/drop-off-risk/dr-w", "dr.w@example.test");

        Assert.That(data["enrolments"]!.AsArray().Select(e => e!["courseId"]!.GetValue<string>()), Is.EqualTo(new[] { Course }));
    }

    [Test]
    public async Task Get_CourseIdFilter_LimitsToThatEnrolmentAndRejectsOtherCourses()
    {
        var token = await ApiClient.TokenAsync("dr.w@example.test");
        var data = await DataAsync($"/api/v1/predictive/drop-off-risk/dr-w?courseId={Course}", "dr.w@example.test");
        using var withdrawn = await ApiClient.GetAsync("/api/v1/predictive/drop-off-risk/dr-w?courseId=dr-c2", token);
        using var foreign = await ApiClient.GetAsync("/api/v1/predictive/drop-off-risk/dr-w?courseId=dr-c3", token);
        var withdrawnData = (await ApiClient.ReadJsonAsync(withdrawn))["data"]!;

        Assert.Multiple(() =>
        {
            Assert.That(data["enrolments"]!.AsArray().Single()!["courseId"]!.GetValue<string>(), Is.EqualTo(Course));
            Assert.That(withdrawnData["reason"]!.GetValue<string>(), Is.EqualTo("no-active-enrolment"));
        });
        await ApiClient.AssertProblemAsync(foreign, HttpStatusCode.Forbidden, "ACCESS_DENIED");
    }

    [Test]
    public async Task Get_OptedOutLearner_ReturnsTheEmptyShapeWithPredictiveOptOut()
    {
        var token = await ApiClient.TokenAsync("dr.opt@example.test");

        using var response = await ApiClient.GetAsync("/api/v1/predictive/drop-off-risk/dr-opt", token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        AssertEmpty(body["data"]!.AsObject(), "opted-out");
        Assert.That(body["meta"]!["suppression"]!["reason"]!.GetValue<string>(), Is.EqualTo("PREDICTIVE_OPT_OUT"));
    }

    [Test]
    public async Task Get_TrainerOwnId_ReturnsTheCohortWithoutTheOptedOutLearner()
    {
        var token = await ApiClient.TokenAsync("dr.trainer@example.test");

        using var response = await ApiClient.GetAsync("/api/v1/predictive/drop-off-risk/dr-trainer", token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var data = body["data"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(body["meta"]!["subject"]!["type"]!.GetValue<string>(), Is.EqualTo("trainer-cohort"));
            Assert.That(data["scored"]!.GetValue<bool>(), Is.True);
            Assert.That(data["optedOutCount"]!.GetValue<int>(), Is.EqualTo(1));
            // 13 scored learners: 0·7 + 30 + 30 + 40 + 60 + 70 + 100 = 330; 330/13 = 25.38.
            Assert.That(data["riskAssessment"]!["overallRisk"]!.GetValue<int>(), Is.EqualTo(25));
            Assert.That(data["distribution"]!["critical"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(data["distribution"]!["high"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(data["distribution"]!["medium"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(data["distribution"]!["low"]!.GetValue<int>(), Is.EqualTo(9));
            Assert.That(data["atRiskLearners"]!.AsArray().Select(r => r!["userId"]!.GetValue<string>()),
                Is.EqualTo(new[] { "dr-l100", "dr-l70", "dr-l60" }));
            Assert.That(data["atRiskLearners"]!.AsArray().Any(r => r!["userId"]!.GetValue<string>() == "dr-opt"), Is.False);
            Assert.That(data["enrolments"]!.AsArray().Single()!["courseId"]!.GetValue<string>(), Is.EqualTo(Course));
            Assert.That(data["engagementPatterns"]!.AsArray(), Has.Count.EqualTo(8));
            Assert.That(data["modelCard"]!["scoredBy"]!["rule"]!.GetValue<int>(), Is.EqualTo(13));
            Assert.That(data["interventionRecommendations"]![0]!["action"]!.GetValue<string>(), Is.EqualTo("Contact the 3 Critical/High learners."));
            Assert.That(data.ContainsKey("suppressed"), Is.False);
        });
    }

    [Test]
    public async Task Get_CohortBelowK_ReturnsTheSuppressedResponse()
    {
        var token = await ApiClient.TokenAsync("dr.trainer2@example.test");

        using var response = await ApiClient.GetAsync("/api/v1/predictive/drop-off-risk/dr-trainer2", token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var data = body["data"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(data["suppressed"]!.GetValue<bool>(), Is.True);
            Assert.That(data["message"]!.GetValue<string>(), Is.EqualTo("Insufficient data: fewer than 10 people in this group."));
            Assert.That(data["riskAssessment"]!["overallRisk"], Is.Null);
            Assert.That(data["distribution"]!["low"], Is.Null);
            Assert.That(data["atRiskLearners"]!.AsArray(), Is.Empty);
            Assert.That(data["engagementPatterns"]!.AsArray(), Is.Empty);
            Assert.That(data["modelCard"]!["scoredBy"]!["rule"], Is.Null);
            Assert.That(body["meta"]!["suppression"]!["reason"]!.GetValue<string>(), Is.EqualTo("GROUP_TOO_SMALL"));
            Assert.That(body["meta"]!["suppression"]!["minGroupSize"]!.GetValue<int>(), Is.EqualTo(10));
        });
    }

    [TestCase("", new[] { "dr-l100", "dr-l70", "dr-l60" })]
    [TestCase("?band=medium", new[] { "dr-l40" })]
    [TestCase("?minScore=65", new[] { "dr-l100", "dr-l70" })]
    [TestCase("?sort=riskScore", new[] { "dr-l60", "dr-l70", "dr-l100" })]
    [TestCase("?band=critical,high,medium&sort=displayName", new[] { "dr-l100", "dr-l40", "dr-l60", "dr-l70" })]
    [TestCase("?limit=2&page=2", new[] { "dr-l60" })]
    public async Task GetAtRisk_FiltersSortsAndPages(string query, string[] expected)
    {
        var data = await DataAsync($"/api/v1/predictive/at-risk/dr-trainer{query}", "dr.trainer@example.test");

        var items = data["items"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(items.Select(i => i!["userId"]!.GetValue<string>()), Is.EqualTo(expected));
            Assert.That(data["optedOutCount"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(data["model"]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "id", "kind", "version" }));
            Assert.That(data["model"]!["kind"]!.GetValue<string>(), Is.EqualTo("rule"));
        });
    }

    [Test]
    public async Task GetAtRisk_ReturnsRowsInTheDocumentedFormWithPagination()
    {
        var data = await DataAsync("/api/v1/predictive/at-risk/dr-trainer?limit=2", "dr.trainer@example.test");

        var first = data["items"]![0]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(first.Select(p => p.Key), Is.EqualTo(new[]
            {
                "userId", "displayName", "courseId", "courseTitle", "riskScore", "band", "topFactors", "lastActivityAt", "enrolmentStatus",
            }));
            Assert.That(first["band"]!.GetValue<string>(), Is.EqualTo("critical"));
            Assert.That(first["riskScore"]!.GetValue<int>(), Is.EqualTo(100));
            Assert.That(first["lastActivityAt"]!.GetValue<string>(), Is.EqualTo("2025-03-05"));
            Assert.That(first["enrolmentStatus"]!.GetValue<string>(), Is.EqualTo("active"));
            Assert.That(first["topFactors"]!.AsArray().Select(f => f!["contribution"]!.GetValue<double>()), Is.EqualTo(new[] { 40.0, 30.0, 30.0 }));
            Assert.That(data["pagination"]!["total"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(data["pagination"]!["totalPages"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(data["pagination"]!["hasNext"]!.GetValue<bool>(), Is.True);
        });
    }

    [TestCase("band=severe", "band")]
    [TestCase("band=", "band")]
    [TestCase("minScore=101", "minScore")]
    [TestCase("minScore=abc", "minScore")]
    [TestCase("sort=name", "sort")]
    [TestCase("page=0", "page")]
    [TestCase("limit=101", "limit")]
    [TestCase("departmentId=dr-dept", "departmentId")]
    public async Task GetAtRisk_WithAnInvalidParameter_Returns400NamingIt(string query, string parameter)
    {
        var token = await ApiClient.TokenAsync("dr.trainer@example.test");

        using var response = await ApiClient.GetAsync($"/api/v1/predictive/at-risk/dr-trainer?{query}", token);

        var body = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.That(body["errors"]![parameter], Is.Not.Null, body.ToJsonString());
    }

    [Test]
    public async Task GetAtRisk_OrgAdminOwnOrganisation_ListsTheOrganisationCohort()
    {
        var data = await DataAsync("/api/v1/predictive/at-risk/dr-org?band=critical", "dr.admin@example.test");

        Assert.That(data["items"]!.AsArray().Select(i => i!["userId"]!.GetValue<string>()), Is.EqualTo(new[] { "dr-l100" }));
    }

    [Test]
    public async Task GetAtRisk_LearnerRole_Returns403RoleNotPermitted()
    {
        var token = await ApiClient.TokenAsync("dr.l100@example.test");

        using var response = await ApiClient.GetAsync("/api/v1/predictive/at-risk/dr-l100", token);

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "ROLE_NOT_PERMITTED");
    }

    [Test]
    public async Task GetAtRisk_TrainerWithAStudentId_Returns403()
    {
        var token = await ApiClient.TokenAsync("dr.trainer@example.test");

        using var response = await ApiClient.GetAsync("/api/v1/predictive/at-risk/dr-l100", token);

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "ACCESS_DENIED");
    }

    [Test]
    public async Task Get_LearnerReadsAnotherLearner_Returns403()
    {
        var token = await ApiClient.TokenAsync("dr.l100@example.test");

        using var response = await ApiClient.GetAsync("/api/v1/predictive/drop-off-risk/dr-l0", token);

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "ACCESS_DENIED");
    }

    [Test]
    public async Task Get_TrainerReadsALearnerOutsideTheirCourses_Returns403()
    {
        var token = await ApiClient.TokenAsync("dr.trainer@example.test");

        using var response = await ApiClient.GetAsync("/api/v1/predictive/drop-off-risk/dr-gone", token);

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "ACCESS_DENIED");
    }

    [Test]
    public async Task Get_OrgAdminOfAnotherOrganisation_Returns403()
    {
        var token = await ApiClient.TokenAsync("dr.admin@example.test");

        using var organisation = await ApiClient.GetAsync("/api/v1/predictive/drop-off-risk/org-123", token);
        using var atRisk = await ApiClient.GetAsync("/api/v1/predictive/at-risk/org-123", token);
        using var member = await ApiClient.GetAsync("/api/v1/predictive/drop-off-risk/learner-123", token);

        await ApiClient.AssertProblemAsync(organisation, HttpStatusCode.Forbidden, "ACCESS_DENIED");
        await ApiClient.AssertProblemAsync(atRisk, HttpStatusCode.Forbidden, "ACCESS_DENIED");
        await ApiClient.AssertProblemAsync(member, HttpStatusCode.Forbidden, "ACCESS_DENIED");
    }

    [TestCase("bad%20id")]
    [TestCase("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    public async Task Get_WithInvalidId_Returns400NamingId(string id)
    {
        var token = await ApiClient.TokenAsync("dr.l100@example.test");

        using var response = await ApiClient.GetAsync($"/api/v1/predictive/drop-off-risk/{id}", token);

        var body = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.That(body["errors"]!["id"], Is.Not.Null);
    }

    [Test]
    public async Task Get_DemoLearner_Returns200WithEveryField()
    {
        var data = await DataAsync("/api/v1/predictive/drop-off-risk/learner-123", "learner@test.com");

        AssertShape(data);
        Assert.That(data["scored"]!.GetValue<bool>(), Is.True, "learner-123 has active enrolments");
        Assert.Multiple(() =>
        {
            Assert.That(data["riskAssessment"]!["overallRisk"]!.GetValue<int>(), Is.AnyOf(0, 30, 40, 60, 70, 100));
            Assert.That(data["riskAssessment"]!["engagementScore"]!.GetValue<int>(), Is.InRange(0, 100));
            Assert.That(data["riskLevel"]!.GetValue<string>(), Is.AnyOf("Critical", "High", "Medium", "Low"));
            Assert.That(data["enrolments"]!.AsArray(), Is.Not.Empty);
            Assert.That(data["engagementPatterns"]!.AsArray(), Has.Count.EqualTo(8));
        });
    }

    [Test]
    public async Task Get_DemoTrainerAndOrgAdmin_ReturnTheirCohorts()
    {
        var trainer = await EnvelopeAsync("/api/v1/predictive/drop-off-risk/trainer-456", "trainer@test.com");
        var organisation = await EnvelopeAsync("/api/v1/predictive/drop-off-risk/org-123", "admin@test.com");
        var atRisk = await EnvelopeAsync("/api/v1/predictive/at-risk/org-123?band=critical,high,medium,low", "admin@test.com");

        Assert.Multiple(() =>
        {
            Assert.That(trainer["meta"]!["subject"]!["type"]!.GetValue<string>(), Is.EqualTo("trainer-cohort"));
            Assert.That(organisation["meta"]!["subject"]!["type"]!.GetValue<string>(), Is.EqualTo("org-cohort"));
            Assert.That(atRisk["data"]!["pagination"]!["total"]!.GetValue<int>(), Is.GreaterThan(0));
            Assert.That(atRisk["data"]!["items"]![0]!["displayName"]!.GetValue<string>(), Is.Not.Empty);
        });
        foreach (var data in new[] { trainer["data"]!.AsObject(), organisation["data"]!.AsObject() })
        {
            AssertShape(data);
            Assert.That(data.ContainsKey("optedOutCount"), Is.True);
            Assert.That(data.ContainsKey("distribution") && data.ContainsKey("atRiskLearners"), Is.True);
        }
    }

    [Test]
    public async Task Get_TwoDemoLearners_GetDifferentAnswers()
    {
        var other = await TestStore.ScalarAsync<string>(
            """
            SELECT u.id FROM lrs.users u JOIN lrs.enrolments e ON e.user_id = u.id AND e.status = 'active'
            WHERE u.organisation_id = 'org-123' AND u.id <> 'learner-123' AND NOT u.predictive_opt_out
            ORDER BY u.id LIMIT 1
            """);
        Assert.That(other, Is.Not.Null);

        var first = await DataAsync("/api/v1/predictive/drop-off-risk/learner-123", "admin@test.com");
        var second = await DataAsync($"/api/v1/predictive/drop-off-risk/{other}", "admin@test.com");
        first.Remove("lastUpdated");
        second.Remove("lastUpdated");

        Assert.That(second.ToJsonString(), Is.Not.EqualTo(first.ToJsonString()));
    }

    private static async Task EnrolledAsync(string userId, int engagement, int earlier, string? email = null)
    {
        await DropOffSeed.LearnerAsync(userId, Org, AsOf, engagement, earlier, email);
        await TestStore.EnrolAsync(userId, Course, AsOf.AddDays(-70));
    }

    private static async Task TopicsAsync(string userId, params DateOnly[] days)
    {
        for (var i = 0; i < days.Length; i++)
        {
            await TestStore.CompleteTopicAsync(userId, Course, i + 1, days[i]);
        }
    }

    private static async Task<JsonObject> EnvelopeAsync(string path, string email)
    {
        var token = await ApiClient.TokenAsync(email);
        using var response = await ApiClient.GetAsync(path, token);
        var body = await ApiClient.ReadJsonAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        return body;
    }

    private static async Task<JsonObject> DataAsync(string path, string email) => (await EnvelopeAsync(path, email))["data"]!.AsObject();

    private static void AssertEmpty(JsonObject data, string reason) =>
        Assert.Multiple(() =>
        {
            AssertShape(data);
            Assert.That(data["scored"]!.GetValue<bool>(), Is.False);
            Assert.That(data["reason"]!.GetValue<string>(), Is.EqualTo(reason));
            Assert.That(data["riskLevel"], Is.Null);
            Assert.That(data["riskAssessment"]!["overallRisk"], Is.Null);
            Assert.That(data["enrolments"]!.AsArray(), Is.Empty);
            Assert.That(data["engagementPatterns"]!.AsArray(), Is.Empty);
            Assert.That(data["dataStatus"]!.GetValue<string>(), Is.EqualTo("no-data"));
        });

    private static void AssertShape(JsonObject data)
    {
        string[] keys =
        [
            "scored", "reason", "riskLevel", "riskAssessment", "enrolments", "engagementPatterns", "warningSignals",
            "interventionRecommendations", "factors", "modelCard", "lastUpdated", "isStale", "staleness", "asOf", "source", "degraded",
            "definitionVersion", "dataStatus", "notAvailable",
        ];
        Assert.That(data.Select(p => p.Key), Is.SupersetOf(keys), data.ToJsonString());
        foreach (var pattern in data["engagementPatterns"]!.AsArray())
        {
            Assert.That(pattern!.AsObject().Select(p => p.Key),
                Is.EqualTo(new[] { "week", "engagementScore", "riskScore", "date", "activity", "duration" }));
        }

        var card = data["modelCard"]!.AsObject();
        Assert.That(card.Select(p => p.Key), Is.EqualTo(new[]
        {
            "id", "analytic", "organisationId", "kind", "algorithm", "version", "status", "inUse", "label", "featureSet", "trainedAt",
            "trainingData", "evaluation", "qualityGate", "fallbackRule", "features", "fairness", "limitations", "fallbackUsed",
            "fallbackReason", "scoredBy",
        }));
    }
}
