using System.Net;
using System.Text.Json.Nodes;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Shared.Freshness;

/// <summary>
/// PRODUCT.md decision 9 and API.md §1.2: a read goes memory → stored snapshot → computation and says which layer answered;
/// a stale snapshot is answered at once, marked stale, and queues exactly one recalculation however many read it.
/// </summary>
public sealed class SnapshotLayerTests
{
    private static readonly (string Path, string Email, string SubjectType, string SubjectId, string Role)[] DefaultViews =
    [
        ("/api/v1/learner/analytics/velocity/learner-123", "learner@test.com", "learner", "learner-123", "learner"),
        ("/api/v1/learner/analytics/skill-gap/learner-123", "learner@test.com", "learner", "learner-123", "learner"),
        ("/api/v1/learner/analytics/engagement/learner-123", "learner@test.com", "learner", "learner-123", "learner"),
        ("/api/v1/learner/analytics/mastery/learner-123", "learner@test.com", "learner", "learner-123", "learner"),
        ("/api/v1/learner/analytics/performance/learner-123", "learner@test.com", "learner", "learner-123", "learner"),
        ("/api/v1/learner/analytics/content-effectiveness/learner-123", "learner@test.com", "learner", "learner-123", "learner"),
        ("/api/v1/trainer/analytics/course-performance/trainer-456", "trainer@test.com", "trainer", "trainer-456", "trainer"),
        ("/api/v1/trainer/analytics/course-health/trainer-456", "trainer@test.com", "trainer", "trainer-456", "trainer"),
        ("/api/v1/trainer/analytics/student-distribution/trainer-456", "trainer@test.com", "trainer", "trainer-456", "trainer"),
        ("/api/v1/trainer/analytics/teaching-effectiveness/trainer-456", "trainer@test.com", "trainer", "trainer-456", "trainer"),
    ];

    private static IEnumerable<TestCaseData> Views() =>
        DefaultViews.Select(v => new TestCaseData(v.Path, v.Email, v.SubjectType, v.SubjectId, v.Role).SetArgDisplayNames(v.Path.Split('/')[^2]));

    [TestCaseSource(nameof(Views))]
    public async Task Read_AfterTheMemoryEntryIsDropped_IsServedFromTheSnapshotWithTheSamePayload(
        string path, string email, string subjectType, string subjectId, string role)
    {
        var token = await ApiClient.TokenAsync(email);
        var first = await ReadAsync(path, token);
        await RefreshTestJobs.EvictAsync(subjectType, subjectId, role);

        var fromSnapshot = await ReadAsync(path, token);
        var fromMemory = await ReadAsync(path, token);

        Assert.Multiple(() =>
        {
            Assert.That(fromSnapshot["meta"]!["servedFrom"]!.GetValue<string>(), Is.EqualTo("snapshot"));
            Assert.That(fromSnapshot["cached"]!.GetValue<bool>(), Is.True);
            Assert.That(fromSnapshot["data"]!.ToJsonString(), Is.EqualTo(first["data"]!.ToJsonString()));
            Assert.That(fromSnapshot["meta"]!["computedAt"]!.ToJsonString(), Is.EqualTo(first["meta"]!["computedAt"]!.ToJsonString()));
            Assert.That(fromSnapshot["meta"]!["subject"]!.ToJsonString(), Is.EqualTo(first["meta"]!["subject"]!.ToJsonString()));
            Assert.That(fromMemory["meta"]!["servedFrom"]!.GetValue<string>(), Is.EqualTo("memory"));
        });
    }

    [Test]
    public async Task Read_OfAComputedDefaultView_StoresItsSnapshotWithTheDefinitionVersion()
    {
        var learner = await OtherLearnerAsync(offset: 3);
        var token = TestTokens.Mint(learner, ["learner"], "org-123");

        var body = await ReadAsync($"/api/v1/learner/analytics/mastery/{learner}", token);

        var stored = await TestStore.ScalarAsync<string>(
            "SELECT definition_version || '|' || organisation_id || '|' || attempt_status || '|' || length(inputs_hash) FROM analytics.analytics_snapshots " +
            "WHERE subject_type = 'learner' AND subject_id = @learner AND role = 'learner' AND analytic = 'mastery'", new { learner });
        Assert.Multiple(() =>
        {
            Assert.That(body["meta"]!["servedFrom"]!.GetValue<string>(), Is.EqualTo("computed"));
            Assert.That(stored, Is.EqualTo("mastery@1.0|org-123|computed|32"));
        });
    }

    [Test]
    public async Task Read_WithAFilter_IsNotStoredAsTheSnapshot()
    {
        var learner = await OtherLearnerAsync(offset: 4);
        var token = TestTokens.Mint(learner, ["learner"], "org-123");

        await ReadAsync($"/api/v1/learner/analytics/velocity/{learner}?window=7d", token);

        var count = await TestStore.ScalarAsync<long>(
            "SELECT count(*) FROM analytics.analytics_snapshots WHERE subject_id = @learner AND analytic = 'velocity'", new { learner });
        Assert.That(count, Is.Zero);
    }

    [Test]
    public async Task FiftyConcurrentReads_OfAStaleSnapshot_AreAnsweredStaleAndQueueExactlyOneRecalculation()
    {
        await RefreshTestJobs.DrainAsync();
        var learner = await OtherLearnerAsync(offset: 5);
        var token = TestTokens.Mint(learner, ["learner"], "org-123");
        var path = $"/api/v1/learner/analytics/engagement/{learner}";
        await ReadAsync(path, token);
        await TestStore.ExecuteAsync(
            "UPDATE analytics.analytics_snapshots SET computed_at = now() - interval '7 hours' " +
            "WHERE subject_type = 'learner' AND subject_id = @learner AND analytic = 'engagement'", new { learner });
        await RefreshTestJobs.EvictAsync("learner", learner, "learner");

        var reads = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => ReadAsync(path, token)));

        var jobs = (await QueryJobsAsync(learner)).ToArray();
        Assert.That(jobs, Has.Length.EqualTo(1), "one recalculation for 50 readers");
        Assert.Multiple(() =>
        {
            Assert.That(jobs[0], Is.EqualTo($"stale-read|queued|{{engagement}}"));
            Assert.That(reads.Select(r => r["isStale"]!.GetValue<bool>()), Is.All.True);
            Assert.That(reads.Select(r => r["staleness"]!.GetValue<string>()), Is.All.EqualTo("stale"));
            Assert.That(reads.Select(r => r["meta"]!["refreshing"]!.GetValue<bool>()), Is.All.True);
            Assert.That(reads.Select(r => r["meta"]!["refreshJobId"]!.GetValue<string>()).Distinct().Count(), Is.EqualTo(1));
        });

        // The worker recomputes it; every instance then drops its memory entries, and the next read is fresh.
        await RefreshTestJobs.DrainAsync();
        await RefreshTestJobs.WaitUntilIdleAsync("learner", learner, "learner");
        var fresh = await ReadAsync(path, token);
        Assert.Multiple(() =>
        {
            Assert.That(fresh["isStale"]!.GetValue<bool>(), Is.False);
            Assert.That(fresh["meta"]!["refreshing"]!.GetValue<bool>(), Is.False);
            Assert.That(fresh["meta"]!["servedFrom"]!.GetValue<string>(), Is.EqualTo("snapshot"));
        });
    }

    [Test]
    public async Task StaleReads_WhileTheirRecalculationFails_AskTheStoreOnceInTheCoolDown()
    {
        await RefreshTestJobs.DrainAsync();
        var learner = await OtherLearnerAsync(offset: 6);
        var token = TestTokens.Mint(learner, ["learner"], "org-123");
        var path = $"/api/v1/learner/analytics/performance/{learner}";
        await ReadAsync(path, token);
        await TestStore.ExecuteAsync(
            "UPDATE analytics.analytics_snapshots SET computed_at = now() - interval '7 hours' " +
            "WHERE subject_type = 'learner' AND subject_id = @learner AND analytic = 'performance'", new { learner });
        await RefreshTestJobs.EvictAsync("learner", learner, "learner");
        await ReadAsync(path, token);
        // The recalculation fails (as for a subject whose computation keeps throwing): the snapshot stays stale.
        await TestStore.ExecuteAsync(
            """
            UPDATE analytics.refresh_jobs SET status = 'failed', stage = 'done', finished_at = now() WHERE subject_id = @learner;
            SELECT pg_notify('analytics_refresh', concat_ws('|', status, id, subject_type, subject_id, role, array_to_string(analytics, ',')))
            FROM analytics.refresh_jobs WHERE subject_id = @learner;
            """, new { learner });
        await RefreshTestJobs.WaitUntilIdleAsync("learner", learner, "learner");

        var again = await ReadAsync(path, token);

        var jobs = await QueryJobsAsync(learner);
        Assert.Multiple(() =>
        {
            Assert.That(again["isStale"]!.GetValue<bool>(), Is.True);
            Assert.That(jobs, Has.Exactly(1).Items, "no second job within the cool-down");
        });
    }

    private static async Task<JsonObject> ReadAsync(string path, string token)
    {
        using var response = await ApiClient.GetAsync(path, token);
        var body = await ApiClient.ReadJsonAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        return body;
    }

    private static async Task<IEnumerable<string>> QueryJobsAsync(string learner)
    {
        await using var connection = new Npgsql.NpgsqlConnection(TestHost.ConnectionString);
        return await Dapper.SqlMapper.QueryAsync<string>(connection,
            "SELECT trigger || '|' || status || '|' || analytics::text FROM analytics.refresh_jobs WHERE subject_id = @learner", new { learner });
    }

    /// <summary>A learner of the demo organisation other than learner-123, so each test reads a subject of its own.</summary>
    private static async Task<string> OtherLearnerAsync(int offset) =>
        (await TestStore.ScalarAsync<string>(
            "SELECT u.id FROM lrs.users u JOIN lrs.user_roles r ON r.user_id = u.id AND r.role = 'learner' " +
            "WHERE u.organisation_id = 'org-123' AND u.id <> 'learner-123' AND EXISTS (SELECT 1 FROM lrs.enrolments e WHERE e.user_id = u.id) " +
            "ORDER BY u.id OFFSET @offset LIMIT 1", new { offset }))!;
}
