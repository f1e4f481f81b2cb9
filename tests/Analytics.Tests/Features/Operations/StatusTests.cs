using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Analytics.Api.Shared.Observability;
using Analytics.Tests.Infrastructure;
using Dapper;
using Npgsql;

namespace Analytics.Tests.Features.Operations;

/// <summary>
/// `GET /api/status` and the store gauges of `/metrics` (API.md §4.10). Runs its own host on its own empty store (upstream
/// mode, so nothing is generated), where no run, snapshot or job exists but those the tests insert, and the store sampler
/// runs every 0.2 s.
/// </summary>
public sealed class StatusTests
{
    private const string SystemLimit = "5000";

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Sources:Mode"] = "upstream",
        ["Metrics:StoreSampleSeconds"] = "0.2",
        ["RateLimits:system:Limit"] = SystemLimit,
    };

    private string _connectionString = "";
    private AnalyticsApiFactory? _factory;

    private AnalyticsApiFactory Factory => _factory ?? throw new InvalidOperationException("The status host has not started.");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _connectionString = await TestDatabases.CreateEmptyAsync("status_tests");
        _factory = new AnalyticsApiFactory(_connectionString, Settings);
        using var client = _factory.CreateClient();
        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    [Test]
    public async Task Get_Anonymous_ReturnsPlainJsonUncachedInTheSystemRateClass()
    {
        using var client = Factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/api/status", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
            Assert.That(response.Headers.GetValues("RateLimit-Policy").Single(), Is.EqualTo($"{SystemLimit};w=60"));
        });
    }

    [Test]
    public async Task Get_OnAStoreWithoutRunsOrSnapshots_ReturnsEveryFieldWithNullsWhereNothingExists()
    {
        var body = await StatusAsync(Factory);

        Assert.Multiple(() =>
        {
            Assert.That(Keys(body), Is.EqualTo(new[]
            {
                "status", "version", "timestamp", "uptimeSeconds", "instance", "metrics", "cache", "recalculation",
                "oldestSnapshotAgeSeconds", "jobs",
            }));
            Assert.That(body["status"]!.GetValue<string>(), Is.EqualTo("healthy"));
            Assert.That(body["version"]!.GetValue<string>(), Does.Match(@"^\d+\.\d+\.\d+"));
            Assert.That(body["timestamp"]!.GetValue<string>(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"));
            Assert.That(body["uptimeSeconds"]!.GetValue<long>(), Is.GreaterThanOrEqualTo(0));
            Assert.That(body["instance"]!.GetValue<string>(), Is.EqualTo(Environment.MachineName));

            var metrics = body["metrics"]!.AsObject();
            Assert.That(Keys(metrics), Is.EqualTo(new[] { "requestsPerMinute", "p95LatencyMs", "errorRate", "cacheHitRate", "activeUsers" }));
            // The readiness probe of the set-up is already in the window.
            Assert.That(metrics["requestsPerMinute"]!.GetValue<double>(), Is.GreaterThan(0));
            Assert.That(metrics["p95LatencyMs"]!.GetValue<double>(), Is.GreaterThan(0));
            Assert.That(metrics["errorRate"]!.GetValue<double>(), Is.InRange(0, 1));
            AssertRateOrNull(metrics["cacheHitRate"]);
            Assert.That(metrics["activeUsers"]!.GetValue<int>(), Is.GreaterThanOrEqualTo(0));

            var cache = body["cache"]!.AsObject();
            Assert.That(Keys(cache), Is.EqualTo(new[] { "memoryHitRate", "snapshotHitRate" }));
            AssertRateOrNull(cache["memoryHitRate"]);
            AssertRateOrNull(cache["snapshotHitRate"]);

            var recalculation = body["recalculation"]!.AsObject();
            Assert.That(Keys(recalculation), Is.EqualTo(new[] { "lastRunAt", "status", "durationSeconds", "subjects", "rows" }));
            Assert.That(recalculation.Select(p => p.Value), Is.All.Null, "no run yet");
            Assert.That(body.ContainsKey("oldestSnapshotAgeSeconds") && body["oldestSnapshotAgeSeconds"] is null, Is.True);

            var jobs = body["jobs"]!.AsObject();
            Assert.That(Keys(jobs), Is.EqualTo(new[] { "queued", "running", "failedLast24h", "queueDepth" }));
            Assert.That(jobs.Select(p => p.Value!.GetValue<int>()), Is.All.Zero);
        });
    }

    [Test]
    public async Task Get_AfterAuthenticatedRequests_RequestsPerMinuteAndActiveUsersRise()
    {
        // A host of its own, so its window holds only this test's requests and its first minute is the divisor.
        await using var factory = new AnalyticsApiFactory(_connectionString, Settings);
        var before = (await StatusAsync(factory))["metrics"]!;

        using var client = factory.CreateClient();
        foreach (var user in new[] { "status-user-a", "status-user-b", "status-user-a" })
        {
            for (var i = 0; i < 2; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/ping", UriKind.Relative));
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Mint(user, ["learner"], "org-any"));
                using var response = await client.SendAsync(request);
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            }
        }

        var after = (await StatusAsync(factory))["metrics"]!;

        Assert.Multiple(() =>
        {
            // Six pings and the first status read, over the host's first minute.
            Assert.That(after["requestsPerMinute"]!.GetValue<double>() - before["requestsPerMinute"]!.GetValue<double>(), Is.EqualTo(7));
            Assert.That(after["activeUsers"]!.GetValue<int>() - before["activeUsers"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(after["errorRate"]!.GetValue<double>(), Is.Zero);
        });
    }

    [Test]
    public async Task Get_WithRefreshJobs_CountsQueuedRunningAndFailedInTheLast24Hours()
    {
        var before = (await StatusAsync(Factory))["jobs"]!;
        var now = DateTimeOffset.UtcNow;
        var ids = new[] { "job_status-q1", "job_status-q2", "job_status-r1", "job_status-f1", "job_status-f2" };
        try
        {
            await ExecuteAsync(
                """
                INSERT INTO analytics.refresh_jobs (id, subject_type, subject_id, role, analytics, trigger, status, requested_at, started_at, finished_at, heartbeat_at)
                VALUES ('job_status-q1', 'learner', 'status-l1', 'learner', '{velocity}', 'manual', 'queued', @now, NULL, NULL, NULL),
                       ('job_status-q2', 'learner', 'status-l2', 'learner', '{velocity}', 'manual', 'queued', @now, NULL, NULL, NULL),
                       ('job_status-r1', 'learner', 'status-l3', 'learner', '{velocity}', 'manual', 'running', @now, @now, NULL, @now),
                       ('job_status-f1', 'learner', 'status-l4', 'learner', '{velocity}', 'manual', 'failed', @hourAgo, @hourAgo, @hourAgo, @hourAgo),
                       ('job_status-f2', 'learner', 'status-l5', 'learner', '{velocity}', 'manual', 'failed', @longAgo, @longAgo, @longAgo, @longAgo)
                """,
                new { now, hourAgo = now.AddHours(-1), longAgo = now.AddHours(-30) });
            // Row locks keep a queue worker from claiming the rows (it skips locked ones) while the counts are read.
            await using var locks = await HoldAsync("SELECT id FROM analytics.refresh_jobs WHERE id = ANY(@ids) FOR UPDATE", new { ids });

            var after = (await StatusAsync(Factory))["jobs"]!;

            Assert.Multiple(() =>
            {
                Assert.That(Delta(before, after, "queued"), Is.EqualTo(2));
                Assert.That(Delta(before, after, "queueDepth"), Is.EqualTo(2));
                Assert.That(Delta(before, after, "running"), Is.EqualTo(1));
                Assert.That(Delta(before, after, "failedLast24h"), Is.EqualTo(1), "the failure of 30 hours ago is outside the window");
            });
        }
        finally
        {
            await ExecuteAsync("DELETE FROM analytics.refresh_jobs WHERE id = ANY(@ids)", new { ids });
        }
    }

    [Test]
    public async Task Get_WithAnAbandonedLatestRecalculation_ReportsItAsFailedWithItsDurationSubjectsAndRows()
    {
        var started = TruncatedNow().AddMinutes(-2);
        try
        {
            await ExecuteAsync(
                """
                INSERT INTO analytics.batch_runs (id, kind, run_date, trigger, status, ref_time, total_subjects, done_subjects, started_at, finished_at, heartbeat_at)
                VALUES ('job_status-old', 'recalculation', '2025-03-13', 'manual', 'completed', @older, 50, 50, @older, @older, @older),
                       ('job_status-run', 'recalculation', '2025-03-14', 'manual', 'abandoned', @started, 10, 7, @started, @finished, @finished)
                """,
                new { older = started.AddDays(-1), started, finished = started.AddSeconds(90) });
            await InsertSnapshotAsync("status-s1", "velocity", started.AddSeconds(10), "job_status-run");
            await InsertSnapshotAsync("status-s1", "engagement", started.AddSeconds(20), "job_status-run");
            await InsertSnapshotAsync("status-s2", "velocity", started.AddSeconds(30), "job_status-old");

            var recalculation = (await StatusAsync(Factory))["recalculation"]!;

            Assert.Multiple(() =>
            {
                Assert.That(recalculation["lastRunAt"]!.GetValue<string>(), Is.EqualTo(started.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'")));
                Assert.That(recalculation["status"]!.GetValue<string>(), Is.EqualTo("failed"), "abandoned maps to failed (API.md §4.9)");
                Assert.That(recalculation["durationSeconds"]!.GetValue<long>(), Is.EqualTo(90));
                Assert.That(recalculation["subjects"]!.GetValue<int>(), Is.EqualTo(7));
                Assert.That(recalculation["rows"]!.GetValue<long>(), Is.EqualTo(2));
            });
        }
        finally
        {
            await ExecuteAsync("DELETE FROM analytics.analytics_snapshots WHERE subject_id IN ('status-s1', 'status-s2')");
            await ExecuteAsync("DELETE FROM analytics.batch_runs WHERE id IN ('job_status-old', 'job_status-run')");
        }
    }

    [Test]
    public async Task Get_WithSnapshots_ReportsTheAgeOfTheOldest()
    {
        var now = TruncatedNow();
        try
        {
            await InsertSnapshotAsync("status-s3", "velocity", now.AddHours(-3), null);
            await InsertSnapshotAsync("status-s3", "engagement", now.AddMinutes(-5), null);

            var age = (await StatusAsync(Factory))["oldestSnapshotAgeSeconds"]!.GetValue<long>();

            Assert.That(age, Is.InRange(3 * 3600, (3 * 3600) + 60));
        }
        finally
        {
            await ExecuteAsync("DELETE FROM analytics.analytics_snapshots WHERE subject_id = 'status-s3'");
        }
    }

    [Test]
    public async Task Get_AfterRepeatedAnalyticsReads_ReportsTheMemoryHitRate()
    {
        // On the shared host: its demo store has learner-123, so the second read of the same analytic is a memory hit.
        var token = TestTokens.Mint("learner-123", ["learner"], "org-123");
        for (var i = 0; i < 2; i++)
        {
            using var read = await ApiClient.GetAsync("/api/v1/learner/analytics/velocity/learner-123", token);
            Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        using var response = await ApiClient.GetAsync("/api/status", null);
        var body = await ApiClient.ReadJsonAsync(response);

        var memory = body["cache"]!["memoryHitRate"]!.GetValue<double>();
        Assert.Multiple(() =>
        {
            Assert.That(memory, Is.GreaterThan(0).And.LessThanOrEqualTo(1));
            Assert.That(body["metrics"]!["cacheHitRate"]!.GetValue<double>(), Is.GreaterThanOrEqualTo(memory).And.LessThanOrEqualTo(1));
        });
    }

    [Test]
    public async Task Metrics_AfterTheSamplerRan_ExposeTheStoreGaugesAndTheRecalculationInstrumentsUnderTheirApiNames()
    {
        var now = TruncatedNow();
        var ids = new[] { "job_status-m1" };
        try
        {
            await InsertSnapshotAsync("status-s4", "velocity", now.AddHours(-2), null);
            await ExecuteAsync(
                """
                INSERT INTO analytics.refresh_jobs (id, subject_type, subject_id, role, analytics, trigger, status, requested_at)
                VALUES ('job_status-m1', 'learner', 'status-l6', 'learner', '{velocity}', 'manual', 'queued', @now)
                """,
                new { now });
            await using var locks = await HoldAsync("SELECT id FROM analytics.refresh_jobs WHERE id = ANY(@ids) FOR UPDATE", new { ids });
            // The nightly recalculation records these; recorded here so the exporter has a point to show.
            AnalyticsTelemetry.RecalculationDuration.Record(42.5);
            AnalyticsTelemetry.RecalculationRows.Add(1234);

            var text = await ScrapeUntilAsync(t => t.Contains("analytics_refresh_queue_depth{otel_scope_name=\"Analytics.Api\"} 1", StringComparison.Ordinal));

            Assert.Multiple(() =>
            {
                Assert.That(text, Does.Match(@"(?m)^analytics_snapshot_oldest_age_seconds\{[^}]*\} 7[12]\d\d"));
                Assert.That(text, Does.Match(@"(?m)^jobs\{[^}]*status=""queued"",type=""refresh""\} 1$"));
                Assert.That(text, Does.Match(@"(?m)^jobs\{[^}]*status=""running"",type=""recalculation""\} 0$"));
                Assert.That(text, Does.Match(@"(?m)^jobs\{[^}]*status=""failed"",type=""refresh""\} 0$"));
                Assert.That(text, Does.Match(@"(?m)^analytics_recalculation_duration_seconds_count\{[^}]*\} [1-9]\d*$"));
                Assert.That(text, Does.Match(@"(?m)^analytics_recalculation_rows_total\{[^}]*\} [1-9]\d*$"));
                Assert.That(text, Does.Not.Contain("_seconds_seconds").And.Not.Contain("_total_total"));
            });
        }
        finally
        {
            await ExecuteAsync("DELETE FROM analytics.refresh_jobs WHERE id = ANY(@ids)", new { ids });
            await ExecuteAsync("DELETE FROM analytics.analytics_snapshots WHERE subject_id = 'status-s4'");
        }
    }

    private static async Task<JsonObject> StatusAsync(AnalyticsApiFactory factory)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/api/status", UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return await ApiClient.ReadJsonAsync(response);
    }

    private async Task<string> ScrapeUntilAsync(Func<string, bool> done)
    {
        using var client = Factory.CreateClient();
        var token = TestTokens.Mint("status-ops", ["platform-admin"], "org-any");
        var text = "";
        for (var attempt = 0; attempt < 50 && !done(text); attempt++)
        {
            await Task.Delay(200);
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/metrics", UriKind.Relative));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await client.SendAsync(request);
            text = await response.Content.ReadAsStringAsync();
        }

        Assert.That(done(text), Is.True, "the sampled gauges did not reach /metrics in 10 s:\n" + text);
        return text;
    }

    private async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.ExecuteAsync(new CommandDefinition(sql, parameters));
    }

    /// <summary>Runs a locking statement in a transaction that stays open until the returned handle is disposed.</summary>
    private async Task<IAsyncDisposable> HoldAsync(string sql, object parameters)
    {
        var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction));
        return new Held(connection, transaction);
    }

    private Task InsertSnapshotAsync(string subjectId, string analytic, DateTimeOffset computedAt, string? jobId) =>
        ExecuteAsync(
            """
            INSERT INTO analytics.analytics_snapshots (subject_type, subject_id, role, analytic, payload, computed_at, data_as_of, source,
                                                       definition_version, inputs_hash, attempted_at, attempt_status, job_id)
            VALUES ('learner', @subjectId, 'learner', @analytic, '{}', @computedAt, @computedAt, 'demo',
                    @analytic || '@1.0', decode(repeat('ab', 32), 'hex'), @computedAt, 'computed', @jobId)
            """,
            new { subjectId, analytic, computedAt, jobId });

    private static DateTimeOffset TruncatedNow()
    {
        var now = DateTimeOffset.UtcNow;
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    private static string[] Keys(JsonObject node) => node.Select(p => p.Key).ToArray();

    private static int Delta(JsonNode before, JsonNode after, string field) =>
        after[field]!.GetValue<int>() - before[field]!.GetValue<int>();

    private static void AssertRateOrNull(JsonNode? rate)
    {
        if (rate is not null)
        {
            Assert.That(rate.GetValue<double>(), Is.InRange(0, 1));
        }
    }

    private sealed class Held(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await transaction.RollbackAsync();
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
