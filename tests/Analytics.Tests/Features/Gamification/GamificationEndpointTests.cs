using System.Net;
using Analytics.Api.Features.Gamification.Shared;
using Analytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Features.Gamification;

/// <summary>
/// The ledger and the four endpoints on rows of their own organisations: awarded once however often a fact is synced, the daily cap in
/// the store, streaks in the learner's zone, leaderboard privacy and k, access rules and validation (ANALYTICS.md §6, API.md §4.5).
/// </summary>
public sealed class GamificationEndpointTests
{
    private const string Org = "gam-org";
    private const string SmallOrg = "gam-small";
    private const string LedgerOrg = "gam-ledger";
    private static readonly DateOnly Today = new(2025, 3, 15);

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        await TestStore.OrganisationAsync(Org, Today);
        await TestStore.OrganisationAsync(SmallOrg, Today);
        await TestStore.OrganisationAsync(LedgerOrg, Today);
        await TestStore.UserAsync("gam-trainer", Org, null, "trainer");
        await TestStore.CourseAsync("gam-c1", Org, topics: 1, null, null);
        await TestStore.CourseAsync("gam-c2", Org, topics: 1, null, null);
        await TestStore.CourseAsync("gam-c3", Org, topics: 1, null, null, trainerId: "gam-trainer");
        for (var i = 1; i <= 12; i++)
        {
            await TestStore.ExecuteAsync(
                "INSERT INTO lrs.assessments (id, course_id, kind, source) VALUES (@id, 'gam-c1', 'test', 'test')", new { id = $"gam-a{i}" });
        }

        // The leaderboard cast: 10 public learners with 10…100 points this month, an anonymous one with 55, a hidden one with 1000.
        for (var i = 1; i <= 10; i++)
        {
            await LearnerAsync($"gam-p{i:00}", Org, "public");
            await PointsAsync($"gam-p{i:00}", i * 10);
        }

        await LearnerAsync("gam-anon", Org, "anonymous");
        await PointsAsync("gam-anon", 55);
        await LearnerAsync("gam-hidden", Org, "hidden");
        await PointsAsync("gam-hidden", 1000);

        // A small organisation: 5 learners with points, fewer than k = 10.
        for (var i = 1; i <= 5; i++)
        {
            await LearnerAsync($"gam-s{i}", SmallOrg, "public");
            await PointsAsync($"gam-s{i}", i * 10);
        }

        await LearnerAsync("gam-sync", LedgerOrg, "public");
        await LearnerAsync("gam-cap", LedgerOrg, "public");
        await LearnerAsync("gam-nz-freeze", Org, "public", "Pacific/Auckland");
        await LearnerAsync("gam-nz-break", Org, "public", "Pacific/Auckland");
        await TestStore.EnrolAsync("gam-p01", "gam-c3", Today.AddDays(-30));
    }

    [Test]
    public async Task Ledger_SameFactSyncedTwice_AwardsItsPointsOnce()
    {
        const string upsert =
            """
            INSERT INTO lrs.practice_sessions (id, user_id, started_at, passed, source)
            VALUES ('gam-ps1', 'gam-sync', '2025-03-14T09:00:00Z', true, 'test')
            ON CONFLICT (id) DO UPDATE SET synced_at = now();
            INSERT INTO lrs.submissions (id, assessment_id, user_id, submitted_on, submitted_at, score_pct, source)
            VALUES ('gam-sub1', 'gam-a1', 'gam-sync', '2025-03-14', '2025-03-14T10:00:00Z', 84.5, 'test')
            ON CONFLICT (id) DO UPDATE SET synced_at = now();
            """;
        var ledger = TestHost.Factory.Services.GetRequiredService<GamificationLedger>();

        await TestStore.ExecuteAsync(upsert);
        await ledger.RecomputeAsync(LedgerOrg, CancellationToken.None);
        await TestStore.ExecuteAsync(upsert);
        await ledger.RecomputeAsync(LedgerOrg, CancellationToken.None);

        var rows = await TestStore.ScalarAsync<long>("SELECT count(*) FROM gamification.point_events WHERE user_id = 'gam-sync'");
        var total = await TestStore.ScalarAsync<long>("SELECT sum(points) FROM gamification.point_events WHERE user_id = 'gam-sync'");
        var lifetime = await TestStore.ScalarAsync<long>("SELECT lifetime FROM gamification.user_points WHERE user_id = 'gam-sync'");
        Assert.Multiple(() =>
        {
            Assert.That(rows, Is.EqualTo(2));
            Assert.That(total, Is.EqualTo(10 + 85));
            Assert.That(lifetime, Is.EqualTo(95));
        });
    }

    [Test]
    public async Task Ledger_TwelveScoresOf90InOneDay_StoresTheDailyCapOf1000()
    {
        for (var i = 1; i <= 12; i++)
        {
            await TestStore.ExecuteAsync(
                """
                INSERT INTO lrs.submissions (id, assessment_id, user_id, submitted_on, submitted_at, score_pct, source)
                VALUES (@id, @assessment, 'gam-cap', '2025-03-14', @at, 90, 'test')
                """,
                new { id = $"gam-cap-{i:00}", assessment = $"gam-a{i}", at = new DateTime(2025, 3, 14, 8, i, 0, DateTimeKind.Utc) });
        }

        await TestHost.Factory.Services.GetRequiredService<GamificationLedger>().RecomputeAsync(LedgerOrg, CancellationToken.None);

        var day = await TestStore.ScalarAsync<int>("SELECT points FROM gamification.point_days WHERE user_id = 'gam-cap' AND day = '2025-03-14'");
        var cut = await TestStore.ScalarAsync<int>(
            "SELECT points FROM gamification.point_events WHERE user_id = 'gam-cap' AND source_event_id = 'gam-cap-12' AND capped");
        Assert.Multiple(() =>
        {
            Assert.That(day, Is.EqualTo(1000));
            Assert.That(cut, Is.EqualTo(10));
        });
    }

    [Test]
    public async Task Streak_InAuckland_ADayCoveredByAFreezeKeepsTheRun()
    {
        // Local days 03-01…03-07 at 23:00 (10:00Z the same date), none on 03-08, then 03-09…03-14 at 01:00 (12:00Z the day before):
        // in UTC dates every day 03-01…03-13 is active and the freeze would still be held; locally it was spent on 03-08.
        for (var day = 1; day <= 7; day++)
        {
            await PracticeAsync("gam-nz-freeze", new DateTime(2025, 3, day, 10, 0, 0, DateTimeKind.Utc));
        }

        for (var day = 9; day <= 14; day++)
        {
            await PracticeAsync("gam-nz-freeze", new DateTime(2025, 3, day - 1, 12, 0, 0, DateTimeKind.Utc));
        }

        var data = await ReadAsync("/api/v1/gamification/streak/gam-nz-freeze", Learner("gam-nz-freeze"));

        Assert.Multiple(() =>
        {
            Assert.That(data["currentStreak"]!.GetValue<int>(), Is.EqualTo(13));
            Assert.That(data["freezesHeld"]!.GetValue<int>(), Is.EqualTo(0));
            Assert.That(data["streakHistory"]!.AsArray(), Has.Count.EqualTo(1));
            Assert.That(data["streakHistory"]![0]!["startDate"]!.GetValue<string>(), Is.EqualTo("2025-03-01"));
            Assert.That(data["streakHistory"]![0]!["status"]!.GetValue<string>(), Is.EqualTo("active"));
            Assert.That(data["milestones"]![0]!["achieved"]!.GetValue<bool>(), Is.True);
            Assert.That(data["definitionVersion"]!.GetValue<string>(), Is.EqualTo("gamification@1.0"));
        });
    }

    [Test]
    public async Task Streak_InAuckland_ADayWithoutActivityAndNoFreezeEndsTheRun()
    {
        // Local 03-03…03-07 (5 days, no freeze yet), none on 03-08, 03-09…03-14: UTC dates 03-03…03-13 would be one run of 11.
        for (var day = 3; day <= 7; day++)
        {
            await PracticeAsync("gam-nz-break", new DateTime(2025, 3, day, 10, 0, 0, DateTimeKind.Utc));
        }

        for (var day = 9; day <= 14; day++)
        {
            await PracticeAsync("gam-nz-break", new DateTime(2025, 3, day - 1, 12, 0, 0, DateTimeKind.Utc));
        }

        var data = await ReadAsync("/api/v1/gamification/streak/gam-nz-break", Learner("gam-nz-break"));

        Assert.Multiple(() =>
        {
            Assert.That(data["currentStreak"]!.GetValue<int>(), Is.EqualTo(6));
            Assert.That(data["longestStreak"]!.GetValue<int>(), Is.EqualTo(6));
            Assert.That(data["streakHistory"]!.AsArray().Select(r => r!["status"]!.GetValue<string>()), Is.EqualTo(new[] { "broken", "active" }));
            Assert.That(data["streakHistory"]![0]!["endDate"]!.GetValue<string>(), Is.EqualTo("2025-03-07"));
        });
    }

    [Test]
    public async Task Leaderboard_HiddenUserNeverAppears_AnonymousUserHasNoNameOrId_CallerSeesOwnRow()
    {
        var body = await ApiClient.ReadJsonAsync(await ApiClient.GetAsync("/api/v1/gamification/leaderboard?limit=100", Learner("gam-p05")));
        var data = body["data"]!.AsObject();
        var rows = data["leaderboard"]!.AsArray();

        var anonymous = rows.Single(r => r!["value"]!.GetValue<int>() == 55)!;
        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => r!["userId"]?.GetValue<string>()), Does.Not.Contain("gam-hidden"));
            Assert.That(rows.Select(r => r!["value"]!.GetValue<int>()), Does.Not.Contain(1000));
            Assert.That(rows.Select(r => r!["displayName"]!.GetValue<string>()), Does.Not.Contain("gam-hidden").And.Not.Contain("gam-anon"));
            Assert.That(anonymous["userId"], Is.Null);
            Assert.That(anonymous["displayName"]!.GetValue<string>(), Does.Match("^Anonymous learner #[0-9a-f]{4}$"));
            Assert.That(rows.Single(r => r!["isCurrentUser"]!.GetValue<bool>())!["userId"]!.GetValue<string>(), Is.EqualTo("gam-p05"));
            Assert.That(rows[0]!["userId"]!.GetValue<string>(), Is.EqualTo("gam-p10"));
            Assert.That(data["userRanking"]!["rank"]!.GetValue<int>(), Is.EqualTo(7));
            Assert.That(data["neighbours"]!.AsArray(), Has.Count.EqualTo(9));
            Assert.That(data["statistics"]!["totalParticipants"]!.GetValue<int>(), Is.EqualTo(11));
            Assert.That(data["statistics"]!["topPercentile"]!.GetValue<int>(), Is.EqualTo(64));
            Assert.That(data["pagination"]!["page"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(body["meta"]!["suppression"], Is.Null);
            Assert.That(body["meta"]!["definitionVersion"]!.GetValue<string>(), Is.EqualTo("leaderboard@1.0"));
        });
    }

    [Test]
    public async Task Leaderboard_PlatformScope_AnonymisesEveryoneOfOtherOrganisations()
    {
        var body = await ApiClient.ReadJsonAsync(
            await ApiClient.GetAsync("/api/v1/gamification/leaderboard?scope=platform&timeframe=all&limit=100", TestTokens.Mint("gam-s1", ["learner"], SmallOrg)));
        var rows = body["data"]!["leaderboard"]!.AsArray().Select(r => r!.AsObject()).ToArray();
        var named = rows.Select(r => r["userId"]?.GetValue<string>()).OfType<string>().ToArray();
        var organisations = await TestStore.QueryAsync<string>(
            "SELECT DISTINCT organisation_id FROM lrs.users WHERE id = ANY(@named)", new { named });

        Assert.Multiple(() =>
        {
            Assert.That(rows, Has.Length.GreaterThanOrEqualTo(10));
            Assert.That(organisations, Is.SubsetOf(new[] { SmallOrg }), "only the caller's own organisation shows ids");
            Assert.That(rows.Count(r => r["userId"] is null), Is.GreaterThan(0), "the other organisations' public learners are anonymous");
            Assert.That(rows.Select(r => r["displayName"]!.GetValue<string>()), Has.None.StartsWith("gam-p"));
        });
    }

    [Test]
    public async Task Leaderboard_HiddenCaller_GetsNoRanking()
    {
        var data = (await ApiClient.ReadJsonAsync(await ApiClient.GetAsync("/api/v1/gamification/leaderboard", Learner("gam-hidden"))))["data"]!;

        Assert.Multiple(() =>
        {
            Assert.That(data["userRanking"], Is.Null);
            Assert.That(data["leaderboard"]!.AsArray().Any(r => r!["isCurrentUser"]!.GetValue<bool>()), Is.False);
        });
    }

    [Test]
    public async Task Leaderboard_ScopeWithFewerThan10People_IsSuppressed()
    {
        using var response = await ApiClient.GetAsync("/api/v1/gamification/leaderboard", TestTokens.Mint("gam-s1", ["learner"], SmallOrg));
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
            Assert.That(body["data"]!["suppressed"]!.GetValue<bool>(), Is.True);
            Assert.That(body["data"]!["leaderboard"]!.AsArray(), Is.Empty);
            Assert.That(body["data"]!["userRanking"], Is.Null);
            Assert.That(body["data"]!["statistics"]!["totalParticipants"], Is.Null);
            Assert.That(body["meta"]!["suppression"]!["reason"]!.GetValue<string>(), Is.EqualTo("GROUP_TOO_SMALL"));
            Assert.That(body["meta"]!["suppression"]!["minGroupSize"]!.GetValue<int>(), Is.EqualTo(10));
        });
    }

    [Test]
    public async Task Leaderboard_CourseScope_NeedsACourseTheCallerMayUse()
    {
        using var notEnrolled = await ApiClient.GetAsync("/api/v1/gamification/leaderboard?scope=course&courseId=gam-c2", Learner("gam-p01"));
        using var enrolled = await ApiClient.GetAsync("/api/v1/gamification/leaderboard?scope=course&courseId=gam-c3", Learner("gam-p01"));
        using var teaches = await ApiClient.GetAsync("/api/v1/gamification/leaderboard?scope=course&courseId=gam-c3",
            TestTokens.Mint("gam-trainer", ["trainer"], Org));
        using var missing = await ApiClient.GetAsync("/api/v1/gamification/leaderboard?scope=course", Learner("gam-p01"));

        await ApiClient.AssertProblemAsync(notEnrolled, HttpStatusCode.Forbidden, "ACCESS_DENIED");
        await ApiClient.AssertProblemAsync(missing, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Multiple(() =>
        {
            Assert.That(enrolled.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(teaches.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [TestCase("limit=9", "limit")]
    [TestCase("limit=101", "limit")]
    [TestCase("page=0", "page")]
    [TestCase("timeframe=day", "timeframe")]
    [TestCase("category=coins", "category")]
    [TestCase("scope=galaxy", "scope")]
    public async Task Leaderboard_BadParameter_Returns400(string query, string field)
    {
        using var response = await ApiClient.GetAsync("/api/v1/gamification/leaderboard?" + query, Learner("gam-p01"));

        var problem = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.That(problem["errors"]!.AsObject().ContainsKey(field), Is.True, problem.ToJsonString());
    }

    [Test]
    public async Task Achievements_BadStatus_Returns400()
    {
        using var response = await ApiClient.GetAsync("/api/v1/gamification/achievements/gam-p01?status=some", Learner("gam-p01"));

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [TestCase("stats")]
    [TestCase("achievements")]
    [TestCase("streak")]
    public async Task PerLearnerEndpoint_LearnerReadingAnotherLearner_Returns403(string endpoint)
    {
        using var other = await ApiClient.GetAsync($"/api/v1/gamification/{endpoint}/gam-p02", Learner("gam-p01"));
        using var own = await ApiClient.GetAsync($"/api/v1/gamification/{endpoint}/gam-p01", Learner("gam-p01"));
        using var student = await ApiClient.GetAsync($"/api/v1/gamification/{endpoint}/gam-p01", TestTokens.Mint("gam-trainer", ["trainer"], Org));
        using var notStudent = await ApiClient.GetAsync($"/api/v1/gamification/{endpoint}/gam-p02", TestTokens.Mint("gam-trainer", ["trainer"], Org));
        using var badId = await ApiClient.GetAsync($"/api/v1/gamification/{endpoint}/bad$id", Learner("gam-p01"));

        await ApiClient.AssertProblemAsync(other, HttpStatusCode.Forbidden, "ACCESS_DENIED");
        await ApiClient.AssertProblemAsync(notStudent, HttpStatusCode.Forbidden, "ACCESS_DENIED");
        await ApiClient.AssertProblemAsync(badId, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Multiple(() =>
        {
            Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(student.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task Stats_ReportsPointsLevelAndTheMonthlyRank()
    {
        var data = await ReadAsync("/api/v1/gamification/stats/gam-p10", Learner("gam-p10"));

        Assert.Multiple(() =>
        {
            Assert.That(data["totalPoints"]!.GetValue<long>(), Is.EqualTo(100));
            Assert.That(data["level"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(data["levelName"]!.GetValue<string>(), Is.EqualTo("Learner"));
            Assert.That(data["nextLevelPoints"]!.GetValue<long>(), Is.EqualTo(200));
            Assert.That(data["pointsThisMonth"]!.GetValue<int>(), Is.EqualTo(100));
            Assert.That(data["leaderboard"]!["rank"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(data["recentActivity"]!.AsArray(), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Leaderboard_LearnerRole_PlatformAdminIsNotPermitted()
    {
        using var response = await ApiClient.GetAsync("/api/v1/gamification/leaderboard", TestTokens.Mint("gam-p01", ["platform-admin"], Org));

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "ROLE_NOT_PERMITTED");
    }

    private static string Learner(string userId) => TestTokens.Mint(userId, ["learner"], Org);

    private static async Task<System.Text.Json.Nodes.JsonObject> ReadAsync(string path, string token)
    {
        using var response = await ApiClient.GetAsync(path, token);
        var body = await ApiClient.ReadJsonAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        return body["data"]!.AsObject();
    }

    private static async Task LearnerAsync(string id, string organisationId, string privacy, string? timeZone = null)
    {
        await TestStore.UserAsync(id, organisationId, null, "learner");
        await TestStore.ExecuteAsync("UPDATE lrs.users SET leaderboard_privacy = @privacy, time_zone = @timeZone WHERE id = @id", new { id, privacy, timeZone });
    }

    private static Task PointsAsync(string userId, int points) =>
        TestStore.ExecuteAsync(
            """
            INSERT INTO gamification.point_events (user_id, rule, source_event_id, occurred_on, points_requested, points)
            VALUES (@userId, 'manual-adjustment', @userId || '-seed', '2025-03-10', @points, @points)
            """,
            new { userId, points });

    private static Task PracticeAsync(string userId, DateTime at) =>
        TestStore.ExecuteAsync(
            "INSERT INTO lrs.practice_sessions (id, user_id, started_at, passed, source) VALUES (@id, @userId, @at, false, 'test')",
            new { id = $"{userId}-{at:MMddHH}", userId, at });
}
