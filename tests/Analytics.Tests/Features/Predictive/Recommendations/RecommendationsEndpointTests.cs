using System.Net;
using System.Text.Json.Nodes;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.Predictive.Recommendations;

/// <summary>
/// `GET /predictive/recommendations/{id}` end to end on the `rc-rec-` scenario: every learner rule from the store, the merge, the
/// order, `limit`, the feed written once, the summary of hand-made feed rows, the cohort forms, the demo learner and access.
/// </summary>
public sealed class RecommendationsEndpointTests
{
    private static readonly string[] PayloadKeys =
    [
        "recommendations", "categories", "summary", "insights", "lastUpdated", "isStale", "staleness", "asOf", "source", "degraded",
        "definitionVersion", "dataStatus", "notAvailable",
    ];

    private static readonly string[] ItemKeys =
    [
        "id", "title", "description", "category", "priority", "confidence", "expectedImpact", "timeToComplete", "difficulty", "resources",
        "reason", "sourceAnalytic",
    ];

    [OneTimeSetUp]
    public Task SeedAsync() => RecommendationsSeed.EnsureAsync();

    [Test]
    public async Task Get_LearnerWithEveryRule_ReturnsTheMergedItemsInOrder()
    {
        var data = await DataAsync("rc-rec-l1", "rc.rec.l1@example.test");
        var items = data["recommendations"]!.AsArray();

        Assert.Multiple(() =>
        {
            Assert.That(items.Select(i => i!["id"]!.GetValue<string>()), Is.EqualTo(new[]
            {
                "assessment-rc-rec-a1", "course-rc-rec-c2", "course-rc-rec-c1", "practice-rc-rec-c1-t1", "assessment-rc-rec-a2", "plan-pace-1", "topic-rc-rec-c1-t4",
                "topic-rc-rec-c1-t3",
            }));
            Assert.That(items.Select(i => i!["sourceAnalytic"]!.GetValue<string>()), Is.EqualTo(new[]
            {
                "performance", "learner-ai", "engagement", "performance", "performance", "velocity", "content-effectiveness", "learner-ai",
            }));
            Assert.That(items.Select(i => i!["priority"]!.GetValue<string>()), Is.EqualTo(new[]
            {
                "High", "High", "High", "High", "Medium", "Medium", "Medium", "Medium",
            }));
            Assert.That(items[0]!["title"]!.GetValue<string>(), Is.EqualTo("Submit Assignment – Topic 2"));
            Assert.That(items[2]!["title"]!.GetValue<string>(), Is.EqualTo("Resume rc-rec-c1"));
            Assert.That(items[3]!["title"]!.GetValue<string>(), Is.EqualTo("Review Topic 1 and practise"));
            Assert.That(items[5]!["title"]!.GetValue<string>(), Is.EqualTo("Plan 1 units this week"));
            Assert.That(items[6]!["title"]!.GetValue<string>(), Is.EqualTo("Try the video items of Topic 4"));
            Assert.That(items[6]!["timeToComplete"]!.GetValue<string>(), Is.EqualTo("45 min"));
        });
    }

    [Test]
    public async Task Get_DuplicateOfR1AndLearnerAi_KeepsTheHigherPriorityAndBothReasons()
    {
        var data = await DataAsync("rc-rec-l1", "rc.rec.l1@example.test");
        var merged = data["recommendations"]!.AsArray().Single(i => i!["id"]!.GetValue<string>() == "topic-rc-rec-c1-t3")!;

        Assert.Multiple(() =>
        {
            Assert.That(merged["priority"]!.GetValue<string>(), Is.EqualTo("Medium"), "R7 at .55 beats R1's Low (priority 57)");
            Assert.That(merged["confidence"]!.GetValue<double>(), Is.EqualTo(55));
            Assert.That(merged["reason"]!.GetValue<string>(), Does.Contain("Next step in rc-rec-c1").And.Contain("Skill gap in Kotlin"));
        });
    }

    [Test]
    public async Task Get_LearnerWithNothingToRecommend_ReturnsTheEmptyShape()
    {
        var data = await DataAsync("rc-rec-none", "rc.rec.none@example.test");

        Assert.Multiple(() =>
        {
            Assert.That(data.Select(p => p.Key), Is.EquivalentTo(PayloadKeys));
            Assert.That(data["recommendations"]!.AsArray(), Is.Empty);
            Assert.That(data["categories"]!.AsArray(), Is.Empty);
            Assert.That(data["insights"]!.AsArray(), Is.Empty);
            Assert.That(data["dataStatus"]!.GetValue<string>(), Is.EqualTo("no-data"));
            Assert.That(data["summary"]!["totalRecommendations"]!.GetValue<int>(), Is.EqualTo(0));
            Assert.That(data["summary"]!["completionRate"], Is.Null);
        });
    }

    [Test]
    public async Task Get_WithLimit_ReturnsTheFirstItemsOfTheOrderAndCategoriesOfThem()
    {
        var data = await DataAsync("rc-rec-l1", "rc.rec.l1@example.test", "?limit=2");

        Assert.Multiple(() =>
        {
            Assert.That(data["recommendations"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()), Is.EqualTo(new[] { "assessment-rc-rec-a1", "course-rc-rec-c2" }));
            Assert.That(data["categories"]!.ToJsonString(), Is.EqualTo("""[{"name":"Learning","count":1},{"name":"Assessment","count":1}]"""));
        });
    }

    [TestCase("0")]
    [TestCase("51")]
    [TestCase("ten")]
    public async Task Get_WithLimitOutOfRange_Returns400NamingLimit(string limit)
    {
        var token = await ApiClient.TokenAsync("rc.rec.l1@example.test");

        using var response = await ApiClient.GetAsync($"/api/v1/predictive/recommendations/rc-rec-l1?limit={limit}", token);

        var body = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.That(body["errors"]!["limit"], Is.Not.Null);
    }

    [Test]
    public async Task Get_ComputedTwice_WritesEachRuleItemToTheFeedOnce()
    {
        // Two limits are two cache entries, so both reads compute and issue.
        await DataAsync("rc-rec-l1", "rc.rec.l1@example.test", "?limit=3");
        var firstIssue = await TestStore.ScalarAsync<DateTime>("SELECT max(generated_at) FROM lrs.recommendations_feed WHERE user_id = 'rc-rec-l1' AND provider = 'rules'");
        await DataAsync("rc-rec-l1", "rc.rec.l1@example.test", "?limit=4");

        var rows = await TestStore.ScalarAsync<long>("SELECT count(*) FROM lrs.recommendations_feed WHERE user_id = 'rc-rec-l1' AND provider = 'rules'");
        var distinct = await TestStore.ScalarAsync<long>(
            "SELECT count(DISTINCT (item_type, item_id)) FROM lrs.recommendations_feed WHERE user_id = 'rc-rec-l1' AND provider = 'rules'");
        var issues = await TestStore.ScalarAsync<long>(
            "SELECT count(DISTINCT generated_at) FROM lrs.recommendations_feed WHERE user_id = 'rc-rec-l1' AND provider = 'rules'");
        var r1 = await TestStore.ScalarAsync<decimal>(
            "SELECT score FROM lrs.recommendations_feed WHERE user_id = 'rc-rec-l1' AND provider = 'rules' AND item_type = 'topic' AND item_id = 'rc-rec-c1-t3'");

        Assert.Multiple(() =>
        {
            Assert.That(rows, Is.EqualTo(7), "R1 t3, R2 ×2, R3, R4, R5, R6");
            Assert.That(distinct, Is.EqualTo(rows));
            Assert.That(issues, Is.EqualTo(1), "an item issued again keeps its first issue time");
            Assert.That(firstIssue, Is.EqualTo(new DateTime(2025, 3, 15, 12, 0, 0)), "frozen store: noon of the reference date");
            Assert.That(r1, Is.EqualTo(0.4999m), "R1's Low priority kept in its band although R7 leads the merged item");
        });
    }

    [Test]
    public async Task Get_LearnerWithHandMadeFeedRows_ReturnsTheSummaryRates()
    {
        var data = await DataAsync("rc-rec-sum", "rc.rec.sum@example.test");
        var summary = data["summary"]!;

        Assert.Multiple(() =>
        {
            Assert.That(summary["totalRecommendations"]!.GetValue<int>(), Is.EqualTo(4), "the row issued 100 days ago is outside");
            Assert.That(summary["highPriorityCount"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(summary["completedCount"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(summary["completionRate"]!.GetValue<double>(), Is.EqualTo(50.0));
            Assert.That(summary["successRate"]!.GetValue<double>(), Is.EqualTo(66.7));
            Assert.That(summary["progressTracking"]!.ToJsonString(), Is.EqualTo("""{"thisWeek":0,"thisMonth":33.3,"overall":50}"""));
        });
    }

    [Test]
    public async Task Get_DemoLearner_Returns200WithEveryFieldOfThePayload()
    {
        var token = await ApiClient.TokenAsync("learner@test.com");

        using var response = await ApiClient.GetAsync("/api/v1/predictive/recommendations/learner-123", token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var data = body["data"]!.AsObject();
        var items = data["recommendations"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(data.Select(p => p.Key), Is.EquivalentTo(PayloadKeys));
            Assert.That(body["meta"]!["subject"]!["type"]!.GetValue<string>(), Is.EqualTo("learner"));
            Assert.That(body["meta"]!["definitionVersion"]!.GetValue<string>(), Is.EqualTo("recommendations@1.0"));
            Assert.That(data["definitionVersion"]!.GetValue<string>(), Is.EqualTo("recommendations@1.0"));
            Assert.That(data["asOf"]!.GetValue<string>(), Is.EqualTo("2025-03-14"));
            Assert.That(data["dataStatus"]!.GetValue<string>(), Is.EqualTo("ok"));
            Assert.That(data["notAvailable"]!.AsArray().Select(n => n!.GetValue<string>()), Is.EqualTo(new[] { "recommendations[].difficulty" }));
            Assert.That(items, Is.Not.Empty);
            Assert.That(items, Has.Count.LessThanOrEqualTo(10));
            foreach (var item in items)
            {
                Assert.That(item!.AsObject().Select(p => p.Key), Is.EquivalentTo(ItemKeys));
                Assert.That(item["priority"]!.GetValue<string>(), Is.AnyOf("High", "Medium", "Low"));
                Assert.That(item["expectedImpact"]!.GetValue<string>(), Is.EqualTo(item["priority"]!.GetValue<string>()));
                Assert.That(item["category"]!.GetValue<string>(), Is.AnyOf("Learning", "Practice", "Assessment", "Engagement"));
                Assert.That(item["confidence"]!.GetValue<double>(), Is.InRange(0.0, 100.0), "pct");
                Assert.That(item["difficulty"], Is.Null);
                Assert.That(item["timeToComplete"]?.GetValue<string>(), Is.Null.Or.Match(@"^(\d+ h( \d+ min)?|\d+ min)$"));
                Assert.That(item["resources"]!.AsArray().All(r => r!["url"] is null && r["title"]!.GetValue<string>().Length > 0), Is.True);
            }

            var priorities = items.Select(i => i!["priority"]!.GetValue<string>() switch { "High" => 0, "Medium" => 1, _ => 2 }).ToArray();
            Assert.That(priorities, Is.Ordered);
            Assert.That(data["categories"]!.AsArray().Sum(c => c!["count"]!.GetValue<int>()), Is.EqualTo(items.Count));
            var summary = data["summary"]!.AsObject();
            Assert.That(summary.Select(p => p.Key), Is.EquivalentTo(new[]
            {
                "totalRecommendations", "highPriorityCount", "completedCount", "completionRate", "successRate", "progressTracking",
            }));
            Assert.That(summary["totalRecommendations"]!.GetValue<int>(), Is.GreaterThanOrEqualTo(summary["completedCount"]!.GetValue<int>()));
            Assert.That(summary["progressTracking"]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "thisWeek", "thisMonth", "overall" }));
            foreach (var insight in data["insights"]!.AsArray())
            {
                Assert.That(insight!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "title", "description", "type", "confidence", "impact" }));
                Assert.That(insight["type"]!.GetValue<string>(), Is.AnyOf("Pattern", "Gap", "Momentum"));
            }
        });
    }

    [Test]
    public async Task Get_TwoDemoLearners_GetDifferentRecommendations()
    {
        var admin = await ApiClient.TokenAsync("admin@test.com");
        var other = await TestStore.ScalarAsync<string>(
            """
            SELECT u.id FROM lrs.users u JOIN lrs.user_roles r ON r.user_id = u.id AND r.role = 'learner'
            WHERE u.organisation_id = 'org-123' AND u.id <> 'learner-123'
              AND EXISTS (SELECT 1 FROM lrs.enrolments e WHERE e.user_id = u.id)
            ORDER BY u.id LIMIT 1
            """);

        using var own = await ApiClient.GetAsync("/api/v1/predictive/recommendations/learner-123", admin, "org-admin");
        using var theirs = await ApiClient.GetAsync($"/api/v1/predictive/recommendations/{other}", admin, "org-admin");
        var a = await ApiClient.ReadJsonAsync(own);
        var b = await ApiClient.ReadJsonAsync(theirs);

        Assert.Multiple(() =>
        {
            Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.OK), a.ToJsonString());
            Assert.That(theirs.StatusCode, Is.EqualTo(HttpStatusCode.OK), b.ToJsonString());
            Assert.That(a["data"]!["recommendations"]!.ToJsonString(), Is.Not.EqualTo(b["data"]!["recommendations"]!.ToJsonString()));
        });
    }

    [Test]
    public async Task Get_TrainerOwnId_ReturnsTheTrainerCohortWithItsShape()
    {
        var token = await ApiClient.TokenAsync("rc.rec.trainer@example.test");

        using var response = await ApiClient.GetAsync("/api/v1/predictive/recommendations/rc-rec-trainer", token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var data = body["data"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(body["meta"]!["subject"]!["type"]!.GetValue<string>(), Is.EqualTo("trainer-cohort"));
            Assert.That(data.Select(p => p.Key), Is.EquivalentTo(PayloadKeys));
            var atRisk = data["recommendations"]!.AsArray().Single(i => i!["sourceAnalytic"]!.GetValue<string>() == "drop-off-risk")!;
            Assert.That(atRisk["id"]!.GetValue<string>(), Is.EqualTo("at-risk-rc-rec-c1"));
            Assert.That(atRisk["title"]!.GetValue<string>(), Is.EqualTo("Contact 11 at-risk students of rc-rec-c1"), "no engagement, no progress: 70");
            Assert.That(atRisk["category"]!.GetValue<string>(), Is.EqualTo("Engagement"));
            Assert.That(data["summary"]!["totalRecommendations"]!.GetValue<int>(), Is.GreaterThanOrEqualTo(0));
        });
    }

    [Test]
    public async Task Get_TrainerCohortBelowK_ReturnsTheSuppressedShape()
    {
        var token = await ApiClient.TokenAsync("rc.rec.trainer2@example.test");

        using var response = await ApiClient.GetAsync("/api/v1/predictive/recommendations/rc-rec-trainer2", token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var data = body["data"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(data.Select(p => p.Key), Is.EquivalentTo(PayloadKeys.Append("suppressed").Append("message")));
            Assert.That(data["suppressed"]!.GetValue<bool>(), Is.True);
            Assert.That(data["message"]!.GetValue<string>(), Is.EqualTo("Insufficient data: fewer than 10 people in this group."));
            Assert.That(data["recommendations"]!.AsArray(), Is.Empty);
            Assert.That(data["summary"]!["totalRecommendations"], Is.Null);
            Assert.That(data["summary"]!["progressTracking"]!["overall"], Is.Null);
            Assert.That(body["meta"]!["suppression"]!.ToJsonString(), Is.EqualTo("""{"reason":"GROUP_TOO_SMALL","minGroupSize":10,"suppressedSegments":0}"""));
        });
    }

    [Test]
    public async Task Get_OrgAdminOwnOrganisation_ReturnsTheOrgCohortWithItsShape()
    {
        var token = await ApiClient.TokenAsync("rc.rec.admin@example.test");

        using var response = await ApiClient.GetAsync("/api/v1/predictive/recommendations/rc-rec-org", token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var data = body["data"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(body["meta"]!["subject"]!["type"]!.GetValue<string>(), Is.EqualTo("org-cohort"));
            Assert.That(data.Select(p => p.Key), Is.EquivalentTo(PayloadKeys));
            Assert.That(data["summary"]!["totalRecommendations"]!.GetValue<int>(), Is.GreaterThanOrEqualTo(2), "rc-rec-l1's Learner AI rows");
            foreach (var item in data["recommendations"]!.AsArray())
            {
                Assert.That(item!.AsObject().Select(p => p.Key), Is.EquivalentTo(ItemKeys));
                Assert.That(item["sourceAnalytic"]!.GetValue<string>(), Is.AnyOf("strategic-alignment", "learning-velocity", "learning-culture"));
            }
        });
    }

    [Test]
    public async Task Get_DemoOrgAdminOwnOrganisation_Returns200OrgCohort()
    {
        var token = await ApiClient.TokenAsync("admin@test.com");

        using var response = await ApiClient.GetAsync("/api/v1/predictive/recommendations/org-123", token, "org-admin");
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        Assert.That(body["meta"]!["subject"]!["type"]!.GetValue<string>(), Is.EqualTo("org-cohort"));
    }

    [Test]
    public async Task Get_LearnerReadsAnotherLearner_Returns403()
    {
        var token = await ApiClient.TokenAsync("rc.rec.l1@example.test");

        using var response = await ApiClient.GetAsync("/api/v1/predictive/recommendations/rc-rec-l0", token);

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "ACCESS_DENIED");
    }

    [Test]
    public async Task Get_OrgAdminOfAnotherOrganisation_Returns403ForItsMembersAndItsCohort()
    {
        var token = await ApiClient.TokenAsync("rc.rec.admin2@example.test");

        using var member = await ApiClient.GetAsync("/api/v1/predictive/recommendations/rc-rec-l1", token);
        using var cohort = await ApiClient.GetAsync("/api/v1/predictive/recommendations/rc-rec-org", token);

        await ApiClient.AssertProblemAsync(member, HttpStatusCode.Forbidden, "ACCESS_DENIED");
        await ApiClient.AssertProblemAsync(cohort, HttpStatusCode.Forbidden, "ACCESS_DENIED");
    }

    [Test]
    public async Task Get_TrainerReadsOwnStudentAndAnOutsider_Returns200And403()
    {
        var token = await ApiClient.TokenAsync("rc.rec.trainer@example.test");

        using var student = await ApiClient.GetAsync("/api/v1/predictive/recommendations/rc-rec-l1", token);
        using var outsider = await ApiClient.GetAsync("/api/v1/predictive/recommendations/rc-rec-l0", token);

        Assert.That(student.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await ApiClient.AssertProblemAsync(outsider, HttpStatusCode.Forbidden, "ACCESS_DENIED");
    }

    [TestCase("bad%20id")]
    [TestCase("x!")]
    public async Task Get_WithInvalidId_Returns400NamingId(string id)
    {
        var token = await ApiClient.TokenAsync("rc.rec.l1@example.test");

        using var response = await ApiClient.GetAsync($"/api/v1/predictive/recommendations/{id}", token);

        var body = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.That(body["errors"]!["id"], Is.Not.Null);
    }

    private static async Task<JsonObject> DataAsync(string id, string email, string query = "")
    {
        var token = await ApiClient.TokenAsync(email);
        using var response = await ApiClient.GetAsync($"/api/v1/predictive/recommendations/{id}{query}", token);
        var body = await ApiClient.ReadJsonAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        return body["data"]!.AsObject();
    }
}
