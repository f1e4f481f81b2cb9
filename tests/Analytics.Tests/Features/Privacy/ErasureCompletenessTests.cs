using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Analytics.Api.Features.Predictive.Shared;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Freshness;
using Analytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Analytics.Tests.Features.Privacy;

/// <summary>
/// The completeness test of DATA_MODEL.md §10 on a demo store of its own: learner-123 (enrolments, activity, submissions,
/// gamification, snapshots, a report about them and another owner's report naming them, a refresh token, login attempts, audit
/// rows) is erased; then no text, jsonb, bytea or array column of any schema holds their id or e-mail (except the hashes of
/// ops.audit_log and ops.erasure_tombstones), the trainer's course aggregate counts one student fewer once the recompute jobs ran,
/// their tokens stop working, and a second erasure is a harmless no-op.
/// </summary>
[NonParallelizable]
public sealed class ErasureCompletenessTests
{
    private const string Subject = "learner-123";
    private const string Email = "learner@test.com";

    private string _connectionString = "";
    private AnalyticsApiFactory _factory = null!;
    private HttpClient _client = null!;
    private JsonObject _receipt = null!;
    private HttpStatusCode _status;
    private string _accessToken = "";
    private string _refreshToken = "";
    private int? _studentsBefore;
    private long _loginAttemptsBefore;
    private byte[] _loginHash = [];

    [OneTimeSetUp]
    public async Task EraseAsync()
    {
        _connectionString = await TestDatabases.CreateEmptyAsync("privacy_erasure_tests");
        _factory = new AnalyticsApiFactory(_connectionString);
        _client = _factory.CreateClient();

        var session = await LoginAsync(Email);
        _accessToken = session["token"]!.GetValue<string>();
        _refreshToken = session["refreshToken"]!.GetValue<string>();
        using (var failed = await _client.PostAsJsonAsync(new Uri("/api/v1/auth/login", UriKind.Relative), new { email = Email, password = "wrong-password" }))
        {
            Assert.That(failed.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        _loginHash = _factory.Services.GetRequiredService<SymmetricKeyHmac>().Hash(Email);
        _loginAttemptsBefore = await ScalarAsync<long>("SELECT count(*) FROM auth.login_attempts WHERE login_hash = @hash", new { hash = _loginHash });

        // Audit rows naming the person (their own export), their snapshots, and the trainer's course aggregate before.
        using (var export = await PrivacyCalls.SendAsync(_client, HttpMethod.Get, $"/api/v1/privacy/users/{Subject}/export", _accessToken))
        {
            Assert.That(export.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        foreach (var analytic in new[] { "engagement", "velocity", "performance" })
        {
            using var read = await PrivacyCalls.SendAsync(_client, HttpMethod.Get, $"/api/v1/learner/analytics/{analytic}/{Subject}", _accessToken);
        }

        var admin = (await LoginAsync("admin@test.com"))["token"]!.GetValue<string>();
        using (var cohort = await PrivacyCalls.SendAsync(_client, HttpMethod.Get, "/api/v1/predictive/at-risk/org-123", admin, activeRole: "org-admin"))
        {
        }

        var trainer = (await LoginAsync("trainer@test.com"))["token"]!.GetValue<string>();
        _studentsBefore = await StudentsAsync(trainer);

        // A report about the person (deleted with them) and another owner's report whose file names them (fails SUBJECT_ERASED).
        await ExecuteAsync(
            """
            INSERT INTO reporting.report_jobs (id, requested_by, role, subject_type, subject_id, organisation_id, analytics, format, title, status,
                                               expires_at, preview, completed_at)
            VALUES ('rpt_prv_about', 'admin-789', 'org-admin', 'learner', @subject, 'org-123', '{engagement}', 'json', 'About', 'completed',
                    now() + interval '7 days', jsonb_build_object('learner', @subject), now()),
                   ('rpt_prv_names', 'admin-789', 'org-admin', 'organisation', 'org-123', 'org-123', '{engagement}', 'json', 'Org', 'completed',
                    now() + interval '7 days', jsonb_build_object('rows', jsonb_build_array(@subject)), now());
            INSERT INTO reporting.report_files (report_id, file_name, content_type, size_bytes, sha256, storage, content, created_at)
            SELECT r, 'r.json', 'application/json', 20, sha256(convert_to(@subject, 'UTF8')), 'database', convert_to('["' || @subject || '"]', 'UTF8'), now()
            FROM unnest(ARRAY['rpt_prv_about', 'rpt_prv_names']) AS r;
            INSERT INTO reporting.report_people (report_id, user_id) VALUES ('rpt_prv_about', @subject), ('rpt_prv_names', @subject);
            INSERT INTO ops.sync_rejects (source, entity, record_key, scope, reason, payload, first_seen_at, last_seen_at)
            VALUES ('upstream', 'enrolments', 'enr-x', 'org-123', 'missing parent: users ' || @subject, jsonb_build_object('userId', @subject), now(), now());
            """,
            new { subject = Subject });
        Assert.That(await ScalarAsync<long>("SELECT count(*) FROM analytics.analytics_snapshots WHERE subject_id = @subject", new { subject = Subject }),
            Is.GreaterThan(0), "the person has snapshots before the erasure");

        var operatorToken = (await LoginAsync("operator@test.com"))["token"]!.GetValue<string>();
        using var erase = await PrivacyCalls.EraseAsync(_client, Subject, operatorToken, Subject);
        _status = erase.StatusCode;
        _receipt = await ApiClient.ReadJsonAsync(erase);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Test]
    public void Erase_ReturnsTheReceipt_WithTheDeletedCounts()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_status, Is.EqualTo(HttpStatusCode.OK), _receipt.ToJsonString());
            Assert.That(_receipt["erasedUserId"]?.GetValue<string>(), Is.EqualTo(Subject));
            Assert.That(_receipt["recomputeJobId"]?.GetValue<string>(), Does.StartWith("job_"));
            foreach (var table in new[] { "lrs.users", "lrs.enrolments", "lrs.activity_days", "lrs.submissions", "gamification.point_events",
                         "analytics.analytics_snapshots", "auth.refresh_tokens", "auth.login_attempts", "reporting.report_jobs" })
            {
                Assert.That(_receipt["deleted"]?[table]?.GetValue<long>(), Is.GreaterThan(0), table);
            }
        });
    }

    [Test]
    public async Task AfterErasure_NoColumnOfAnySchemaHoldsTheIdOrTheEmail()
    {
        // The scan finds a person who is still there (so an empty result means something).
        var control = await HitsAsync("trainer-456", "trainer@test.com");
        var hits = await HitsAsync(Subject, Email);

        Assert.Multiple(() =>
        {
            Assert.That(control, Does.Contain("lrs.users.id").And.Contain("lrs.users.email").And.Contain("lrs.course_trainers.user_id"));
            Assert.That(hits, Is.Empty);
        });
    }

    /// <summary>
    /// Every text, character, json, jsonb, bytea and array column (and every `eid` column) of every schema, partitioned tables through
    /// their parents, except the hashes of ops.audit_log and ops.erasure_tombstones: `schema.table.column` where the id (as a whole
    /// word) or the e-mail occurs.
    /// </summary>
    private async Task<IReadOnlyList<string>> HitsAsync(string id, string email)
    {
        var idPattern = $"(^|[^A-Za-z0-9_-]){id}($|[^A-Za-z0-9_-])";
        var emailPattern = $"(^|[^a-z0-9._%+-]){Regex.Escape(email)}($|[^a-z0-9._%+-])";
        var columns = await QueryAsync<(string Schema, string Table, string Column, string Type)>(
            """
            SELECT c.table_schema, c.table_name, c.column_name, c.data_type
            FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
            JOIN pg_catalog.pg_class k ON k.relname = c.table_name
            JOIN pg_catalog.pg_namespace n ON n.oid = k.relnamespace AND n.nspname = c.table_schema
            WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema')
              AND NOT k.relispartition
              AND (c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea', 'ARRAY') OR c.domain_name = 'eid')
              AND (c.table_schema, c.table_name) NOT IN (('ops', 'audit_log'), ('ops', 'erasure_tombstones'))
            ORDER BY 1, 2, 3
            """);
        Assert.That(columns.Select(c => $"{c.Schema}.{c.Table}"), Does.Contain("lrs.users").And.Contain("analytics.analytics_snapshots")
            .And.Contain("reporting.report_files").And.Contain("lrs.activity_days").And.Contain("auth.revoked_access"),
            "the scan covers every schema, partitioned tables too");

        var hits = new List<string>();
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        foreach (var (schema, table, column, type) in columns)
        {
            var name = $"{Quote(schema)}.{Quote(table)}";
            var value = type == "bytea" ? $"encode({Quote(column)}, 'escape')" : $"{Quote(column)}::text";
            var count = await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection,
                $"SELECT count(*) FROM {name} WHERE {value} ~ @idPattern OR lower({value}) ~ @emailPattern", new { idPattern, emailPattern });
            if (count > 0)
            {
                hits.Add($"{schema}.{table}.{column}");
            }
        }

        return hits;
    }

    [Test]
    public async Task AfterErasure_KeptRowsNameThePersonOnlyByTheirHash()
    {
        var hashRef = _factory.Services.GetRequiredService<Analytics.Api.Shared.Privacy.SubjectHasher>().Reference(Subject);

        Assert.Multiple(async () =>
        {
            Assert.That(await ScalarAsync<long>("SELECT count(*) FROM ops.audit_log WHERE actor_ref = @s OR subject_ref = @s", new { s = Subject }), Is.Zero);
            Assert.That(await QueryAsync<string>("SELECT action FROM ops.audit_log WHERE subject_ref = @hashRef ORDER BY id", new { hashRef }),
                Is.EqualTo(new[] { "privacy.export", "privacy.erasure.requested", "privacy.erasure.completed" }));
            Assert.That(await ScalarAsync<long>("SELECT count(*) FROM ops.privacy_requests WHERE requested_by = @hashRef", new { hashRef }), Is.EqualTo(1),
                "the person's own export request");
            Assert.That(await ScalarAsync<long>("SELECT count(*) FROM ops.erasure_tombstones"), Is.EqualTo(1));
            Assert.That(await ScalarAsync<long>("SELECT count(*) FROM auth.login_attempts WHERE login_hash = @hash", new { hash = _loginHash }), Is.Zero);
            Assert.That(_loginAttemptsBefore, Is.GreaterThan(0));
            Assert.That(await ScalarAsync<string>("SELECT status || '|' || error FROM reporting.report_jobs WHERE id = 'rpt_prv_names'"),
                Does.StartWith("failed|SUBJECT_ERASED"));
            Assert.That(await ScalarAsync<long>("SELECT count(*) FROM reporting.report_files WHERE report_id IN ('rpt_prv_names', 'rpt_prv_about')"), Is.Zero);
            Assert.That(await ScalarAsync<long>("SELECT count(*) FROM reporting.report_jobs WHERE id = 'rpt_prv_about'"), Is.Zero);
        });
    }

    [Test]
    public async Task AfterErasure_TheTokensStopWorking()
    {
        HttpStatusCode me;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        do
        {
            using var response = await PrivacyCalls.SendAsync(_client, HttpMethod.Get, "/api/v1/auth/me", _accessToken);
            me = response.StatusCode;
            if (me == HttpStatusCode.Unauthorized)
            {
                await ApiClient.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "TOKEN_REVOKED");
                break;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        using var refresh = await _client.PostAsJsonAsync(new Uri("/api/v1/auth/refresh", UriKind.Relative), new { refreshToken = _refreshToken });

        Assert.That(me, Is.EqualTo(HttpStatusCode.Unauthorized));
        await ApiClient.AssertProblemAsync(refresh, HttpStatusCode.Unauthorized, "INVALID_REFRESH_TOKEN");
    }

    [Test]
    public async Task AfterTheRecomputeJobsRan_TheTrainersCourseCountsOneStudentFewer()
    {
        Assert.That(_studentsBefore, Is.Not.Null.And.GreaterThan(0), "the aggregate was not suppressed before");
        var worker = _factory.Services.GetRequiredService<RefreshWorker>();
        for (var i = 0; i < 200 && await worker.RunNextAsync("privacy-test", CancellationToken.None); i++)
        {
        }

        var trainer = (await LoginAsync("trainer@test.com"))["token"]!.GetValue<string>();
        int? after = null;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline && (after = await StudentsAsync(trainer)) != _studentsBefore - 1)
        {
            await Task.Delay(200);
        }

        Assert.Multiple(async () =>
        {
            Assert.That(after, Is.EqualTo(_studentsBefore - 1));
            Assert.That(await ScalarAsync<long>("SELECT count(*) FROM analytics.refresh_jobs WHERE trigger = 'erasure' AND status = 'completed'"),
                Is.GreaterThan(0));
            Assert.That(await ScalarAsync<long>("SELECT count(*) FROM analytics.operator_jobs WHERE type = 'erasure-recompute'"), Is.GreaterThan(0));
        });
    }

    [Test]
    public async Task AfterErasure_TheModelTrainingDataHoldsNoRowOfThePerson()
    {
        var courses = await QueryAsync<string>("SELECT id FROM lrs.courses ORDER BY id");
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();

        var histories = await DropOffHistoryReader.ReadCoursesAsync(connection, courses, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(histories, Is.Not.Empty, "the next training reads every enrolment of these courses");
            Assert.That(histories.Where(h => h.Enrolment.UserId == Subject || h.OtherEnrolments.Any(o => o.UserId == Subject)), Is.Empty);
        });
    }

    [Test]
    public async Task ASecondErasure_IsANoOp_404ForThePlatformAdmin_AndChangesNothing()
    {
        var operatorToken = (await LoginAsync("operator@test.com"))["token"]!.GetValue<string>();
        var before = await FingerprintAsync();

        using var again = await PrivacyCalls.EraseAsync(_client, Subject, operatorToken, Subject);

        await ApiClient.AssertProblemAsync(again, HttpStatusCode.NotFound, "SUBJECT_NOT_FOUND");
        Assert.That(await FingerprintAsync(), Is.EqualTo(before));
    }

    private async Task<string> FingerprintAsync() =>
        (await ScalarAsync<string>(
            """
            SELECT concat_ws('|', (SELECT count(*) FROM ops.erasure_tombstones), (SELECT count(*) FROM ops.privacy_requests),
                   (SELECT count(*) FROM ops.audit_log WHERE action LIKE 'privacy.%'), (SELECT count(*) FROM lrs.users),
                   (SELECT count(*) FROM analytics.refresh_jobs WHERE trigger = 'erasure'), (SELECT count(*) FROM auth.revoked_access))
            """))!;

    private async Task<int?> StudentsAsync(string trainerToken)
    {
        using var response = await PrivacyCalls.SendAsync(_client, HttpMethod.Get, "/api/v1/trainer/analytics/student-distribution/trainer-456", trainerToken);
        var body = await ApiClient.ReadJsonAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        return body["data"]?["totalStudents"]?.GetValue<int?>();
    }

    private async Task<JsonObject> LoginAsync(string email)
    {
        using var response = await _client.PostAsJsonAsync(new Uri("/api/v1/auth/login", UriKind.Relative), new { email, password = ApiClient.Password });
        var body = await ApiClient.ReadJsonAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        return body;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await Dapper.SqlMapper.ExecuteAsync(connection, sql, parameters);
    }

    private async Task<T?> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        return await Dapper.SqlMapper.ExecuteScalarAsync<T>(connection, sql, parameters);
    }

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        return (await Dapper.SqlMapper.QueryAsync<T>(connection, sql, parameters)).ToList();
    }
}
