using System.Net;
using System.Text.Json.Nodes;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.Predictive.Forecast;

/// <summary>
/// `GET /predictive/forecast/{id}` end to end on a seeded organisation (asOf 2025-03-14): the rule's values, the scenario inputs
/// (validated, live, never stored), the opt-out, the trainer-cohort and org-cohort forms with k, access rules and the demo users.
/// </summary>
public sealed class ForecastEndpointTests
{
    private const string Org = "fc-org";
    private const string SmallOrg = "fc-small";
    private const string Path = "/api/v1/predictive/forecast/";
    private static readonly DateOnly AsOf = new(2025, 3, 14);

    private static readonly string[] CommonFields =
        ["lastUpdated", "isStale", "staleness", "asOf", "source", "degraded", "definitionVersion", "dataStatus", "notAvailable"];

    private static readonly string[] ForecastFields =
    [
        "scored", "reason", "courseId", "courseTitle", "currentPerformance", "forecastProjections", "trendAnalysis", "confidenceMetrics",
        "predictedScore", "completionProbability", "weeksToComplete", "predictedCompletion", "enrolments", "expectedCompletions",
        "optedOutCount", "modelCard",
    ];

    private DateTime _started;

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        _started = await TestStore.ScalarAsync<DateTime>("SELECT now()");
        await TestStore.OrganisationAsync(Org, AsOf.AddDays(1));
        await TestStore.OrganisationAsync(SmallOrg, AsOf.AddDays(1));
        await TestStore.UserAsync("fc-trainer", Org, "fc.trainer@example.test", "trainer");
        await TestStore.UserAsync("fc-admin", Org, "fc.admin@example.test", "org-admin");

        // fc-u: c1 ends in 4 weeks (W = 4), 6 topics of which 3 done in the last 30 days (v30 = 0.7), scores 60, 70, 80.
        await TestStore.CourseAsync("fc-c1", Org, topics: 6, AsOf.AddDays(-60), AsOf.AddDays(28), trainerId: "fc-trainer");
        await ForecastSeed.AssessmentsAsync("fc-c1", 3);
        await TestStore.UserAsync("fc-u", Org, "fc.u@example.test", "learner");
        await TestStore.EnrolAsync("fc-u", "fc-c1", AsOf.AddDays(-50));
        await TestStore.CompleteTopicAsync("fc-u", "fc-c1", 1, AsOf.AddDays(-20));
        await TestStore.CompleteTopicAsync("fc-u", "fc-c1", 2, AsOf.AddDays(-10));
        await TestStore.CompleteTopicAsync("fc-u", "fc-c1", 3, AsOf.AddDays(-5));
        await ForecastSeed.SubmitAsync("fc-u", "fc-c1", 1, AsOf.AddDays(-20), 60);
        await ForecastSeed.SubmitAsync("fc-u", "fc-c1", 2, AsOf.AddDays(-13), 70);
        await ForecastSeed.SubmitAsync("fc-u", "fc-c1", 3, AsOf.AddDays(-6), 80);

        // fc-none: enrolled in c1, nothing done. fc-out: like fc-u's course, but opted out.
        await TestStore.UserAsync("fc-none", Org, null, "learner");
        await TestStore.EnrolAsync("fc-none", "fc-c1", AsOf.AddDays(-50));
        await TestStore.UserAsync("fc-out", Org, "fc.out@example.test", "learner");
        await TestStore.ExecuteAsync("UPDATE lrs.users SET predictive_opt_out = true WHERE id = 'fc-out'");
        await TestStore.EnrolAsync("fc-out", "fc-c1", AsOf.AddDays(-50));
        await ForecastSeed.SubmitAsync("fc-out", "fc-c1", 1, AsOf.AddDays(-6), 80);

        // fc-solo: a self-paced course with one score of 65 and one retry.
        await TestStore.CourseAsync("fc-c2", Org, topics: 2, null, null);
        await ForecastSeed.AssessmentsAsync("fc-c2", 1);
        await TestStore.UserAsync("fc-solo", Org, "fc.solo@example.test", "learner");
        await TestStore.EnrolAsync("fc-solo", "fc-c2", AsOf.AddDays(-30));
        await ForecastSeed.SubmitAsync("fc-solo", "fc-c2", 1, AsOf.AddDays(-4), 65);

        // Ten more students of c1, one score each (50 … 59) three days ago: 12 weeks left at the 0.5 floor → 0.7 each.
        for (var i = 0; i < 10; i++)
        {
            await TestStore.UserAsync($"fc-s{i}", Org, null, "learner");
            await TestStore.EnrolAsync($"fc-s{i}", "fc-c1", AsOf.AddDays(-50));
            await ForecastSeed.SubmitAsync($"fc-s{i}", "fc-c1", 1, AsOf.AddDays(-3), 50 + i);
        }

        // A trainer with three students: below k.
        await TestStore.UserAsync("fc-small-trainer", SmallOrg, null, "trainer");
        await TestStore.CourseAsync("fc-c9", SmallOrg, topics: 2, AsOf.AddDays(-60), AsOf.AddDays(28), trainerId: "fc-small-trainer");
        for (var i = 0; i < 3; i++)
        {
            await TestStore.UserAsync($"fc-small-s{i}", SmallOrg, null, "learner");
            await TestStore.EnrolAsync($"fc-small-s{i}", "fc-c9", AsOf.AddDays(-50));
        }
    }

    [OneTimeTearDown]
    public Task RemoveSnapshotsAsync() =>
        TestStore.ExecuteAsync(
            """
            DELETE FROM analytics.analytics_snapshots
            WHERE computed_at >= @started AND analytic = 'forecast'
              AND (organisation_id IN ('fc-org', 'fc-small', 'org-123') OR subject_id IN ('fc-org', 'fc-small', 'fc-trainer', 'fc-small-trainer'))
            """,
            new { started = _started });

    private static string Learner(string userId) => TestTokens.Mint(userId, ["learner"], Org);

    private static async Task<(HttpResponseMessage Response, JsonObject Body)> GetAsync(string pathAndQuery, string token)
    {
        var response = await ApiClient.GetAsync(Path + pathAndQuery, token);
        var body = await ApiClient.ReadJsonAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        return (response, body);
    }

    [Test]
    public async Task Get_Learner_ReturnsTheRuleForecastOfThePrimaryEnrolment()
    {
        var (response, body) = await GetAsync("fc-u", Learner("fc-u"));
        using var _ = response;
        var data = body["data"]!.AsObject();
        var projections = data["forecastProjections"]!.AsArray();
        var trend = data["trendAnalysis"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(body["meta"]!["subject"]!.ToJsonString(), Is.EqualTo("""{"type":"learner","id":"fc-u"}"""));
            Assert.That(body["meta"]!["definitionVersion"]!.GetValue<string>(), Is.EqualTo("forecast@1.0"));
            Assert.That(data["scored"]!.GetValue<bool>(), Is.True);
            Assert.That(data["courseId"]!.GetValue<string>(), Is.EqualTo("fc-c1"));
            // 60, 70, 80 → 70 + 2·10 = 90; current = the course score 70; 3 remaining at v30 0.7 → 4.29 → 5 weeks.
            Assert.That(data["predictedScore"]!.GetValue<double>(), Is.EqualTo(90));
            Assert.That(data["currentPerformance"]!["overallScore"]!.GetValue<double>(), Is.EqualTo(70));
            Assert.That(data["currentPerformance"]!["passThreshold"]!.GetValue<double>(), Is.EqualTo(70));
            Assert.That(data["weeksToComplete"]!.GetValue<double>(), Is.EqualTo(5));
            Assert.That(data["predictedCompletion"]!.GetValue<string>(), Is.EqualTo("2025-04-18"));
            // Progress 5 days ago, no retries, 5 ≤ 8 weeks → 0.8, published × 100.
            Assert.That(data["completionProbability"]!.GetValue<double>(), Is.EqualTo(80.0));
            Assert.That(projections.Select(p => p!["forecastedScore"]!.GetValue<double>()), Is.EqualTo(new[] { 75.0, 80, 85, 90 }));
            Assert.That(projections.Select(p => p!["confidenceLow"]!.GetValue<double>()), Is.EqualTo(new[] { 69.8, 72.6, 75.9, 79.5 }));
            Assert.That(projections.Select(p => p!["confidenceHigh"]!.GetValue<double>()), Is.EqualTo(new[] { 80.2, 87.4, 94.1, 100.0 }));
            Assert.That(projections.Select(p => p!["period"]!.GetValue<string>()), Is.EqualTo(new[] { "2025-W12", "2025-W13", "2025-W14", "2025-W15" }));
            Assert.That(projections.Select(p => p!["probability"]!.GetValue<string>()), Is.All.EqualTo("High"));
            Assert.That(trend["overallTrend"], Is.Null, "three scores");
            Assert.That(trend["volatility"]!.GetValue<double>(), Is.EqualTo(8.2));
            Assert.That(trend["seasonality"], Is.Null);
            Assert.That(data["notAvailable"]!.AsArray().Select(n => n!.GetValue<string>()), Does.Contain("trendAnalysis.seasonality"));
            Assert.That(data["enrolments"]!.ToJsonString(),
                Is.EqualTo("""[{"courseId":"fc-c1","courseTitle":"fc-c1","predictedScore":90,"completionProbability":80}]"""));
            // dataQuality: scores, slope, E(e), a progress event and units present; no study time recorded → 5/6.
            Assert.That(data["confidenceMetrics"]!["dataQuality"]!.GetValue<double>(), Is.EqualTo(83.3));
            Assert.That(data["confidenceMetrics"]!["modelAccuracy"], Is.Null);
            Assert.That(body["meta"]!["suppression"], Is.Null);
        });
    }

    [TestCase("weeklyStudyHours=10", 3, 80.0)]
    [TestCase("breakWeeks=2", 7, 80.0)]
    [TestCase("weeklyStudyHours=10&breakWeeks=12", 15, 70.0)]
    public async Task Get_WithScenarioInputs_RescalesWeeksToComplete(string query, int weeks, double probability)
    {
        // No study time recorded: ρ = 10 / BaselineHours 5 = 2 → 3 / 1.4 → 3 weeks; breaks add; 15 weeks > 8 costs 0.1.
        var (response, body) = await GetAsync($"fc-u?{query}", Learner("fc-u"));
        using var _ = response;
        Assert.Multiple(() =>
        {
            Assert.That(body["data"]!["weeksToComplete"]!.GetValue<double>(), Is.EqualTo(weeks));
            Assert.That(body["data"]!["completionProbability"]!.GetValue<double>(), Is.EqualTo(probability));
            Assert.That(body["data"]!["predictedScore"]!.GetValue<double>(), Is.EqualTo(90));
        });
    }

    [Test]
    public async Task Get_WithScenarioInputs_IsNotStoredAsTheDefaultSnapshot()
    {
        const string Stored =
            """
            SELECT (payload ->> 'weeksToComplete') || '@' || computed_at::text FROM analytics.analytics_snapshots
            WHERE subject_type = 'learner' AND subject_id = 'fc-solo' AND role = 'learner' AND analytic = 'forecast'
            """;
        var (plain, plainBody) = await GetAsync("fc-solo", Learner("fc-solo"));
        plain.Dispose();
        var beforeScenario = await TestStore.ScalarAsync<string>(Stored);

        var (scenario, scenarioBody) = await GetAsync("fc-solo?breakWeeks=12", Learner("fc-solo"));
        scenario.Dispose();
        var afterScenario = await TestStore.ScalarAsync<string>(Stored);

        Assert.Multiple(() =>
        {
            Assert.That(beforeScenario, Does.StartWith("4@"), "the default view is stored");
            Assert.That(plainBody["data"]!["weeksToComplete"]!.GetValue<double>(), Is.EqualTo(4));
            Assert.That(scenarioBody["data"]!["weeksToComplete"]!.GetValue<double>(), Is.EqualTo(16));
            Assert.That(scenarioBody["meta"]!["servedFrom"]!.GetValue<string>(), Is.EqualTo("computed"));
            Assert.That(afterScenario, Is.EqualTo(beforeScenario), "a what-if read neither replaces nor rewrites the stored default");
        });
    }

    [Test]
    public async Task Get_SelfPacedLearnerWithOneScore_PredictsThatScoreWithTheDefaultSigma()
    {
        var (response, body) = await GetAsync("fc-solo", Learner("fc-solo"));
        using var _ = response;
        var data = body["data"]!.AsObject();
        // 2 topics left at the 0.5 floor → 4 weeks = W (open-ended); no retries; progress 4 days ago → 0.8.
        // k = 1: share 1/4 → 65 (predicted = current); bounds ∓ 1.2816·15·√0.25 = 9.612.
        var first = data["forecastProjections"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(data["predictedScore"]!.GetValue<double>(), Is.EqualTo(65));
            Assert.That(data["weeksToComplete"]!.GetValue<double>(), Is.EqualTo(4));
            Assert.That(first["forecastedScore"]!.GetValue<double>(), Is.EqualTo(65));
            Assert.That(first["confidenceLow"]!.GetValue<double>(), Is.EqualTo(55.4));
            Assert.That(first["confidenceHigh"]!.GetValue<double>(), Is.EqualTo(74.6));
            Assert.That(first["recommendation"]!.GetValue<string>(), Is.EqualTo("Improve"));
            Assert.That(data["trendAnalysis"]!["volatility"], Is.Null);
            Assert.That(data["trendAnalysis"]!["peakPeriod"]!.GetValue<string>(), Is.EqualTo("2025-W11"));
        });
    }

    [Test]
    public async Task Get_LearnerWithoutScores_HasNullScoresAndKeepsEveryKey()
    {
        var (response, body) = await GetAsync("fc-none", TestTokens.Mint("fc-admin", ["org-admin"], Org));
        using var _ = response;
        var data = body["data"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(data.Select(p => p.Key), Is.SupersetOf(ForecastFields.Concat(CommonFields)));
            Assert.That(data["dataStatus"]!.GetValue<string>(), Is.EqualTo("partial"));
            Assert.That(data["predictedScore"], Is.Null);
            Assert.That(data["currentPerformance"]!["overallScore"], Is.Null);
            Assert.That(data["forecastProjections"]!.AsArray(), Is.Empty);
            // 6 units left at the floor → 12 weeks (−0.1), no progress ever (−0.2) → 0.5.
            Assert.That(data["weeksToComplete"]!.GetValue<double>(), Is.EqualTo(12));
            Assert.That(data["completionProbability"]!.GetValue<double>(), Is.EqualTo(50.0));
        });
    }

    [Test]
    public async Task Get_OptedOutLearner_ReturnsTheEmptyShapeWithPredictiveOptOut()
    {
        var (response, body) = await GetAsync("fc-out", Learner("fc-out"));
        using var _ = response;
        var data = body["data"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(data["scored"]!.GetValue<bool>(), Is.False);
            Assert.That(data["reason"]!.GetValue<string>(), Is.EqualTo("opted-out"));
            Assert.That(data["predictedScore"], Is.Null);
            Assert.That(data["completionProbability"], Is.Null);
            Assert.That(data["enrolments"]!.AsArray(), Is.Empty);
            Assert.That(data["forecastProjections"]!.AsArray(), Is.Empty);
            Assert.That(body["meta"]!["suppression"]!["reason"]!.GetValue<string>(), Is.EqualTo("PREDICTIVE_OPT_OUT"));
        });
    }

    [Test]
    public async Task Get_TrainerOwnId_ReturnsTheTrainerCohortMeansWithExpectedCompletions()
    {
        var (response, body) = await GetAsync("fc-trainer", TestTokens.Mint("fc-trainer", ["trainer"], Org));
        using var _ = response;
        var data = body["data"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(body["meta"]!["subject"]!.ToJsonString(), Is.EqualTo("""{"type":"trainer-cohort","id":"fc-trainer"}"""));
            Assert.That(data.Select(p => p.Key), Is.SupersetOf(ForecastFields.Concat(CommonFields)));
            // 12 scored (fc-u 0.8, fc-none 0.5, ten at 0.7) → Σ 8.3, mean 0.6917; fc-out opted out.
            Assert.That(data["expectedCompletions"]!.GetValue<double>(), Is.EqualTo(8.3));
            Assert.That(data["completionProbability"]!.GetValue<double>(), Is.EqualTo(69.2));
            Assert.That(data["optedOutCount"]!.GetValue<int>(), Is.EqualTo(1));
            // Predicted: fc-u 90 and 50 … 59 (fc-none has none) → 635/11.
            Assert.That(data["predictedScore"]!.GetValue<double>(), Is.EqualTo(57.7));
            Assert.That(data["enrolments"]!.AsArray().Select(e => e!["courseId"]!.GetValue<string>()), Is.EqualTo(new[] { "fc-c1" }));
            Assert.That(data["forecastProjections"]!.AsArray(), Has.Count.EqualTo(4));
            Assert.That(data["modelCard"]!["score"]!["scoredBy"]!["rule"]!.GetValue<int>(), Is.EqualTo(12));
            Assert.That(data["suppressed"], Is.Null);
        });
    }

    [Test]
    public async Task Get_OrgAdminOwnOrganisation_ReturnsTheOrgCohortForm()
    {
        var (response, body) = await GetAsync(Org, TestTokens.Mint("fc-admin", ["org-admin"], Org));
        using var _ = response;
        var data = body["data"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(body["meta"]!["subject"]!.ToJsonString(), Is.EqualTo("""{"type":"org-cohort","id":"fc-org"}"""));
            Assert.That(data["scored"]!.GetValue<bool>(), Is.True);
            Assert.That(data["optedOutCount"]!.GetValue<int>(), Is.EqualTo(1));
            // fc-solo adds 0.8 to the trainer cohort's 8.3; c2 has one learner, below k: left out and counted.
            Assert.That(data["expectedCompletions"]!.GetValue<double>(), Is.EqualTo(9.1));
            Assert.That(data["enrolments"]!.AsArray().Select(e => e!["courseId"]!.GetValue<string>()), Is.EqualTo(new[] { "fc-c1" }));
            Assert.That(body["meta"]!["suppression"]!["reason"]!.GetValue<string>(), Is.EqualTo("SEGMENTS_TOO_SMALL"));
            Assert.That(body["meta"]!["suppression"]!["suppressedSegments"]!.GetValue<int>(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Get_CohortBelowK_ReturnsTheSuppressedShape()
    {
        var (response, body) = await GetAsync("fc-small-trainer", TestTokens.Mint("fc-small-trainer", ["trainer"], SmallOrg));
        using var _ = response;
        var data = body["data"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(data["suppressed"]!.GetValue<bool>(), Is.True);
            Assert.That(data["message"]!.GetValue<string>(), Is.EqualTo("Insufficient data: fewer than 10 people in this group."));
            Assert.That(data["predictedScore"], Is.Null);
            Assert.That(data["expectedCompletions"], Is.Null);
            Assert.That(data["optedOutCount"], Is.Null);
            Assert.That(data["enrolments"]!.AsArray(), Is.Empty);
            Assert.That(body["meta"]!["suppression"]!.ToJsonString(),
                Is.EqualTo("""{"reason":"GROUP_TOO_SMALL","minGroupSize":10,"suppressedSegments":0}"""));
        });
    }

    [TestCase("weeklyStudyHours=80.5", "weeklyStudyHours")]
    [TestCase("weeklyStudyHours=-1", "weeklyStudyHours")]
    [TestCase("weeklyStudyHours=abc", "weeklyStudyHours")]
    [TestCase("breakWeeks=13", "breakWeeks")]
    [TestCase("breakWeeks=1.5", "breakWeeks")]
    [TestCase("breakWeeks=-1", "breakWeeks")]
    [TestCase("courseId=bad%20id", "courseId")]
    public async Task Get_WithAnOutOfRangeParameter_Returns400NamingIt(string query, string parameter)
    {
        using var response = await ApiClient.GetAsync($"{Path}fc-u?{query}", Learner("fc-u"));

        var body = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.That(body["errors"]![parameter], Is.Not.Null, body.ToJsonString());
    }

    [TestCase("weeklyStudyHours=0&breakWeeks=0")]
    [TestCase("weeklyStudyHours=80&breakWeeks=12")]
    public async Task Get_WithBoundaryScenarioInputs_Returns200(string query)
    {
        var (response, _) = await GetAsync($"fc-u?{query}", Learner("fc-u"));
        response.Dispose();
    }

    [Test]
    public async Task Get_WithInvalidId_Returns400NamingId()
    {
        using var response = await ApiClient.GetAsync($"{Path}bad%20id", Learner("fc-u"));

        var body = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.That(body["errors"]!["id"], Is.Not.Null);
    }

    [Test]
    public async Task Get_WhenLearnerReadsAnotherLearner_Returns403()
    {
        using var response = await ApiClient.GetAsync($"{Path}fc-solo", Learner("fc-u"));

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "ACCESS_DENIED");
    }

    [Test]
    public async Task Get_WhenOrgAdminOfAnotherOrganisationReadsAMember_Returns403()
    {
        using var response = await ApiClient.GetAsync($"{Path}fc-u", TestTokens.Mint("admin-789", ["org-admin"], "org-123"));

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "ACCESS_DENIED");
    }

    [Test]
    public async Task Get_TrainerReadsOwnStudent_Returns200_AndAStudentOfAnotherTrainer_403()
    {
        var token = TestTokens.Mint("fc-trainer", ["trainer"], Org);
        var (response, body) = await GetAsync("fc-u", token);
        response.Dispose();
        using var other = await ApiClient.GetAsync($"{Path}fc-solo", token);

        Assert.That(body["data"]!["predictedScore"]!.GetValue<double>(), Is.EqualTo(90));
        await ApiClient.AssertProblemAsync(other, HttpStatusCode.Forbidden, "ACCESS_DENIED");
    }

    [Test]
    public async Task Get_WithACourseTheLearnerIsNotEnrolledIn_Returns403()
    {
        using var response = await ApiClient.GetAsync($"{Path}fc-u?courseId=fc-c2", Learner("fc-u"));

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "ACCESS_DENIED");
    }

    [Test]
    public async Task Get_DemoLearners_Return200WithEveryFieldAndTheirOwnValues()
    {
        var learnerToken = await ApiClient.TokenAsync("learner@test.com");
        var other = await TestStore.ScalarAsync<string>(
            """
            SELECT e.user_id FROM lrs.enrolments e JOIN lrs.users u ON u.id = e.user_id
            WHERE u.organisation_id = 'org-123' AND e.status = 'active' AND e.user_id <> 'learner-123' AND NOT u.predictive_opt_out
              AND EXISTS (SELECT 1 FROM lrs.submissions s WHERE s.user_id = e.user_id)
            ORDER BY e.user_id LIMIT 1
            """);
        var (own, ownBody) = await GetAsync("learner-123", learnerToken);
        own.Dispose();
        var (read, otherBody) = await GetAsync(other!, TestTokens.Mint("admin-789", ["org-admin"], "org-123"));
        read.Dispose();
        var data = ownBody["data"]!.AsObject();
        var card = data["modelCard"]!["score"]!.AsObject();

        Assert.Multiple(() =>
        {
            Assert.That(data.Select(p => p.Key), Is.SupersetOf(ForecastFields.Concat(CommonFields)));
            Assert.That(data["definitionVersion"]!.GetValue<string>(), Is.EqualTo("forecast@1.0"));
            Assert.That(data["asOf"]!.GetValue<string>(), Is.EqualTo("2025-03-14"));
            Assert.That(data["scored"]!.GetValue<bool>(), Is.True, data.ToJsonString());
            Assert.That(data["completionProbability"]!.GetValue<double>(), Is.InRange(0, 100));
            Assert.That(data["weeksToComplete"]!.GetValue<double>(), Is.GreaterThanOrEqualTo(0));
            Assert.That(DateOnly.TryParse(data["predictedCompletion"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, out _), Is.True);
            Assert.That(data["enrolments"]!.AsArray(), Is.Not.Empty);
            Assert.That(data["enrolments"]![0]!.AsObject().Select(p => p.Key),
                Is.EqualTo(new[] { "courseId", "courseTitle", "predictedScore", "completionProbability" }));
            Assert.That(data["currentPerformance"]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "overallScore", "passThreshold" }));
            Assert.That(data["trendAnalysis"]!.AsObject().Select(p => p.Key),
                Is.EqualTo(new[] { "overallTrend", "velocity", "acceleration", "volatility", "stability", "seasonality", "peakPeriod" }));
            Assert.That(data["confidenceMetrics"]!.AsObject().Select(p => p.Key),
                Is.EqualTo(new[] { "overallConfidence", "forecastAccuracy", "dataQuality", "modelAccuracy", "predictionReliability" }));
            foreach (var projection in data["forecastProjections"]!.AsArray())
            {
                Assert.That(projection!.AsObject().Select(p => p.Key),
                    Is.EqualTo(new[] { "period", "historicalScore", "forecastedScore", "confidenceLow", "confidenceHigh", "probability", "recommendation" }));
                Assert.That(projection["period"]!.GetValue<string>(), Does.Match(@"^\d{4}-W\d{2}$"));
                Assert.That(projection["confidenceLow"]!.GetValue<double>(), Is.LessThanOrEqualTo(projection["forecastedScore"]!.GetValue<double>()));
            }

            Assert.That(card["kind"]!.GetValue<string>(), Is.EqualTo("rule"));
            Assert.That(card["algorithm"]!.GetValue<string>(), Is.EqualTo("rule-forecast@1"));
            Assert.That(card["trainedAt"], Is.Null);
            Assert.That(card["fallbackUsed"]!.GetValue<bool>(), Is.True);
            Assert.That(card["fallbackReason"]!.GetValue<string>(), Is.EqualTo("no-model"));
            Assert.That(card["qualityGate"]!["status"]!.GetValue<string>(), Is.EqualTo("not-evaluated"));
            Assert.That(card["qualityGate"]!["passed"]!.GetValue<bool>(), Is.False);
            Assert.That(card["qualityGate"]!["reasons"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { "no model has been trained" }));
            Assert.That(card["evaluation"], Is.Null);
            Assert.That(data["modelCard"]!["completion"]!["algorithm"]!.GetValue<string>(), Is.EqualTo("rule-forecast@1"));
            Assert.That(otherBody["data"]!["enrolments"]!.ToJsonString(), Is.Not.EqualTo(data["enrolments"]!.ToJsonString()));
        });
    }
}
