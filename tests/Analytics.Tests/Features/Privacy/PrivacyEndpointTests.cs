using System.Net;
using System.Text.Json.Nodes;
using Analytics.Tests.Infrastructure;
using Analytics.Tests.Shared.Freshness;

namespace Analytics.Tests.Features.Privacy;

/// <summary>
/// Export, erasure and preferences on the shared host with an organisation and people of their own (API.md §3.3, §3.4, §4.8):
/// who may call them, 403 versus 404, the confirm rule, what the export holds and that it holds no secret.
/// </summary>
[NonParallelizable]
public sealed class PrivacyEndpointTests
{
    private const string PasswordHash = "AQAAAAIAAYagAAAAEPRIVACYTESTPASSWORDHASHprv";
    private const string WebhookSecret = "PRIVACY-TEST-ENCRYPTED-WEBHOOK-SECRET";
    private const string TokenHashHex = "7072762d746f6b656e2d686173682d6f662d33322d62797465732d2d2d2d2d2d";

    private static readonly string[] ListedTables =
    [
        "enrolments", "activity_days", "sessions", "topic_completions", "submissions", "user_skills", "feedback", "learning_paths",
        "practice_sessions", "help_requests", "mentoring_links", "content_contributions", "recommendations_feed", "analytics_snapshots",
        "point_events", "user_badges", "streaks", "report_jobs", "report_schedules", "user_roles", "learner_attributes",
    ];

    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        _client = TestHost.Client();
        await TestStore.ExecuteAsync(
            """
            INSERT INTO lrs.organisations (id, name, time_zone, source) VALUES ('org-prv', 'Privacy', 'UTC', 'test'), ('org-prv2', 'Privacy 2', 'UTC', 'test');
            INSERT INTO lrs.users (id, organisation_id, email, display_name, source) VALUES
                ('prv-learner', 'org-prv', 'prv-learner@example.test', 'Prv Learner', 'test'),
                ('prv-trainer', 'org-prv', NULL, 'Prv Trainer', 'test'),
                ('prv-admin', 'org-prv', NULL, 'Prv Admin', 'test'),
                ('prv-erase1', 'org-prv', NULL, 'Prv Erase One', 'test'),
                ('prv-outsider', 'org-prv2', NULL, 'Prv Outsider', 'test');
            INSERT INTO lrs.user_roles (user_id, role, source) VALUES
                ('prv-learner', 'learner', 'test'), ('prv-trainer', 'trainer', 'test'), ('prv-admin', 'org-admin', 'test'),
                ('prv-erase1', 'learner', 'test'), ('prv-outsider', 'learner', 'test');
            INSERT INTO auth.user_credentials (user_id, password_hash, password_changed_at, created_at)
            VALUES ('prv-learner', @passwordHash, now(), now());
            INSERT INTO auth.refresh_tokens (user_id, token_hash, issued_at, expires_at)
            VALUES ('prv-learner', decode(@tokenHashHex, 'hex'), now(), now() + interval '1 day');
            INSERT INTO lrs.courses (id, organisation_id, title, source) VALUES ('prv-course', 'org-prv', 'Privacy course', 'test');
            INSERT INTO lrs.topics (id, course_id, title, position, source) VALUES ('prv-course-t1', 'prv-course', 'T1', 1, 'test');
            INSERT INTO lrs.content_items (id, course_id, type, source) VALUES ('prv-ci1', 'prv-course', 'video', 'test');
            INSERT INTO lrs.assessments (id, course_id, kind, source) VALUES ('prv-as1', 'prv-course', 'quiz', 'test');
            INSERT INTO lrs.skills (id, name, source) VALUES ('prv-skill', 'Privacy skill', 'test');
            INSERT INTO lrs.course_trainers (course_id, user_id, source) VALUES ('prv-course', 'prv-trainer', 'test');
            INSERT INTO lrs.enrolments (id, course_id, user_id, enrolled_on, kind, status, source) VALUES
                ('prv-enr1', 'prv-course', 'prv-learner', DATE '2025-02-01', 'voluntary', 'active', 'test'),
                ('prv-enr2', 'prv-course', 'prv-erase1', DATE '2025-02-01', 'voluntary', 'active', 'test');
            INSERT INTO lrs.learner_attributes (enrolment_id, user_id, source) VALUES ('prv-enr1', 'prv-learner', 'test');
            INSERT INTO lrs.activity_days (user_id, course_id, content_item_id, day, events, minutes, source)
            VALUES ('prv-learner', 'prv-course', 'prv-ci1', DATE '2025-03-10', 4, 12, 'test');
            INSERT INTO lrs.sessions (user_id, started_at, duration_s, source) VALUES ('prv-learner', TIMESTAMPTZ '2025-03-10 10:00Z', 600, 'test');
            INSERT INTO lrs.topic_completions (user_id, topic_id, completed_at, source) VALUES ('prv-learner', 'prv-course-t1', TIMESTAMPTZ '2025-03-10 11:00Z', 'test');
            INSERT INTO lrs.submissions (id, assessment_id, user_id, submitted_on, score_pct, source) VALUES ('prv-sub1', 'prv-as1', 'prv-learner', DATE '2025-03-10', 80, 'test');
            INSERT INTO lrs.user_skills (user_id, skill_id, level, source) VALUES ('prv-learner', 'prv-skill', 2, 'test');
            INSERT INTO lrs.feedback (id, course_id, user_id, rating, submitted_at, source) VALUES ('prv-fb1', 'prv-course', 'prv-learner', 4, now(), 'test');
            INSERT INTO lrs.learning_paths (id, user_id, title, created_at, source) VALUES ('prv-path1', 'prv-learner', 'Path', now(), 'test');
            INSERT INTO lrs.learning_path_topics (path_id, position, topic_id, source) VALUES ('prv-path1', 0, 'prv-course-t1', 'test');
            INSERT INTO lrs.practice_sessions (id, user_id, started_at, passed, source) VALUES ('prv-ps1', 'prv-learner', now(), true, 'test');
            INSERT INTO lrs.help_requests (id, user_id, asked_at, source) VALUES ('prv-hr1', 'prv-learner', now(), 'test');
            INSERT INTO lrs.mentoring_links (mentor_id, mentee_id, started_on, source) VALUES ('prv-trainer', 'prv-learner', DATE '2025-01-01', 'test');
            INSERT INTO lrs.content_contributions (user_id, content_item_id, kind, at, source) VALUES ('prv-learner', 'prv-ci1', 'shared', now(), 'test');
            INSERT INTO lrs.recommendations_feed (user_id, item_type, item_id, reason, provider, generated_at, source)
            VALUES ('prv-learner', 'course', 'prv-course', 'because', 'rules', now(), 'test');
            INSERT INTO analytics.analytics_snapshots (subject_type, subject_id, role, analytic, organisation_id, payload, computed_at, data_as_of,
                source, definition_version, inputs_hash, attempted_at, attempt_status)
            VALUES ('learner', 'prv-learner', 'learner', 'engagement', 'org-prv', '{"score": 42}', now(), now(), 'demo', 'engagement@1.0',
                sha256('prv'::bytea), now(), 'computed');
            INSERT INTO gamification.point_events (user_id, rule, source_event_id, occurred_on, points_requested, points)
            VALUES ('prv-learner', 'assessment-scored', 'prv-sub1', DATE '2025-03-10', 10, 10);
            INSERT INTO gamification.point_days (user_id, day, points) VALUES ('prv-learner', DATE '2025-03-10', 10);
            INSERT INTO gamification.user_points (user_id, organisation_id, lifetime) VALUES ('prv-learner', 'org-prv', 10);
            INSERT INTO gamification.user_badges (user_id, badge_id, awarded_at) SELECT 'prv-learner', b.id, now() FROM gamification.badges b ORDER BY b.id LIMIT 1;
            INSERT INTO gamification.streaks (user_id, current_length) VALUES ('prv-learner', 1);
            INSERT INTO gamification.streak_periods (user_id, started_on, length) VALUES ('prv-learner', DATE '2025-03-10', 1);
            INSERT INTO reporting.report_jobs (id, requested_by, role, subject_type, subject_id, organisation_id, analytics, format, title, status, expires_at)
            VALUES ('rpt_prv1', 'prv-learner', 'learner', 'learner', 'prv-learner', 'org-prv', '{engagement}', 'json', 'Mine', 'queued', now() + interval '7 days');
            INSERT INTO reporting.report_templates (id, name, role, analytics, default_format, created_by)
            VALUES ('prv-template', 'Privacy', 'learner', '{engagement}', 'json', 'prv-learner');
            INSERT INTO reporting.report_schedules (id, owner_id, role, template_id, subject_type, subject_id, format, cron, name, analytics, delivery, created_at)
            VALUES ('sch_prv1', 'prv-learner', 'learner', 'prv-template', 'learner', 'prv-learner', 'json', '0 0 8 * * ?', 'Weekly', '{engagement}',
                    jsonb_build_object('channel', 'webhook', 'webhookUrl', 'https://hooks.example.test/x', 'secret', @webhookSecret), now());
            """,
            new { passwordHash = PasswordHash, tokenHashHex = TokenHashHex, webhookSecret = WebhookSecret });
    }

    [OneTimeTearDown]
    public async Task DisposeAsync()
    {
        _client.Dispose();
        // The erasure and the opt-out queued recomputations; the shared host's queue is left empty for the next test.
        await RefreshTestJobs.DrainAsync();
    }

    private static string Learner(string id = "prv-learner") => TestTokens.Mint(id, ["learner"], "org-prv");

    private static string Trainer() => TestTokens.Mint("prv-trainer", ["trainer"], "org-prv");

    private static string OrgAdmin(string organisationId = "org-prv") => TestTokens.Mint("prv-admin", ["org-admin"], organisationId);

    private static string PlatformAdmin() => TestTokens.Mint("operator-000", ["platform-admin"], "org-123");

    [Test]
    public async Task Export_OfSelf_HoldsTheRowsOfEveryListedTable_AsAnAttachment_AndNoSecret()
    {
        using var response = await PrivacyCalls.SendAsync(_client, HttpMethod.Get, "/api/v1/privacy/users/prv-learner/export", Learner());
        var text = await response.Content.ReadAsStringAsync();
        var archive = JsonNode.Parse(text)!.AsObject();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(response.Content.Headers.ContentDisposition?.ToString(), Does.Match("^attachment; filename=\"export-prv-learner-\\d{8}\\.json\"$"));
            Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
            Assert.That(archive["exportedAt"]?.GetValue<string>(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"));
            Assert.That(archive["user"]?["id"]?.GetValue<string>(), Is.EqualTo("prv-learner"));
            Assert.That(archive["user"]?["email"]?.GetValue<string>(), Is.EqualTo("prv-learner@example.test"));
            Assert.That(archive["user"]?["roles"]?.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { "learner" }));
            Assert.That(archive["preferences"]?["leaderboardPrivacy"]?.GetValue<string>(), Is.EqualTo("anonymous"));
            foreach (var table in ListedTables)
            {
                Assert.That(archive[table]?.AsArray(), Is.Not.Null.And.Not.Empty, table);
            }

            Assert.That(archive["learning_paths"]![0]!["topics"]!.AsArray(), Has.Count.EqualTo(1));
            Assert.That(archive["refresh_tokens"]!.AsArray(), Has.Count.EqualTo(1));
            Assert.That(text, Does.Not.Contain(PasswordHash).And.Not.Contain("password_hash"), "no password hash");
            Assert.That(text, Does.Not.Contain(TokenHashHex).And.Not.Contain("token_hash").And.Not.Contain("cHJ2LXRva2Vu"), "no refresh-token hash");
            Assert.That(text, Does.Not.Contain(WebhookSecret), "no webhook secret");
            Assert.That(text, Does.Not.Contain("prv-outsider").And.Not.Contain("prv-erase1"), "nobody else's rows");
        });
    }

    [Test]
    public async Task Export_IsAudited_AndRecordedAsACompletedRequestWithoutTheId()
    {
        var before = await TestStore.ScalarAsync<long>("SELECT count(*) FROM ops.audit_log WHERE action = 'privacy.export' AND subject_ref = 'prv-learner'");

        using var response = await PrivacyCalls.SendAsync(_client, HttpMethod.Get, "/api/v1/privacy/users/prv-learner/export", OrgAdmin(), activeRole: "org-admin");
        var after = await TestStore.QueryAsync<(string Actor, string Role)>(
            "SELECT actor_ref, actor_role FROM ops.audit_log WHERE action = 'privacy.export' AND subject_ref = 'prv-learner' ORDER BY id DESC LIMIT 1");
        var requests = await TestStore.ScalarAsync<long>(
            "SELECT count(*) FROM ops.privacy_requests WHERE kind = 'export' AND requested_by = 'prv-admin' AND status = 'completed' AND subject_id IS NULL");

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await TestStore.ScalarAsync<long>("SELECT count(*) FROM ops.audit_log WHERE action = 'privacy.export' AND subject_ref = 'prv-learner'"),
                Is.EqualTo(before + 1));
            Assert.That(after.Single(), Is.EqualTo(("prv-admin", "org-admin")));
            Assert.That(requests, Is.GreaterThanOrEqualTo(1));
        });
    }

    [TestCase("prv-learner", "learner", "prv-learner", HttpStatusCode.OK, null, TestName = "Export_Self_Returns200")]
    [TestCase("prv-trainer", "trainer", "prv-learner", HttpStatusCode.Forbidden, "ACCESS_DENIED", TestName = "Export_TrainerForAStudent_Returns403")]
    [TestCase("prv-admin", "org-admin", "prv-learner", HttpStatusCode.OK, null, TestName = "Export_OrgAdminForAMember_Returns200")]
    [TestCase("prv-admin", "org-admin", "prv-outsider", HttpStatusCode.Forbidden, "ACCESS_DENIED", TestName = "Export_OrgAdminForANonMember_Returns403")]
    [TestCase("prv-admin", "org-admin", "prv-nobody", HttpStatusCode.Forbidden, "ACCESS_DENIED", TestName = "Export_OrgAdminForAnUnknownId_Returns403")]
    [TestCase("operator-000", "platform-admin", "prv-outsider", HttpStatusCode.OK, null, TestName = "Export_PlatformAdminForAnyone_Returns200")]
    [TestCase("operator-000", "platform-admin", "prv-nobody", HttpStatusCode.NotFound, "SUBJECT_NOT_FOUND", TestName = "Export_PlatformAdminForAnUnknownId_Returns404")]
    [TestCase("prv-learner", "learner", "prv-outsider", HttpStatusCode.Forbidden, "ACCESS_DENIED", TestName = "Export_LearnerForSomeoneElse_Returns403")]
    [TestCase("prv-ghost", "learner", "prv-ghost", HttpStatusCode.NotFound, "SUBJECT_NOT_FOUND", TestName = "Export_OwnUnknownId_Returns404")]
    public async Task Export_AccessMatrix(string caller, string role, string subject, HttpStatusCode status, string? code)
    {
        var token = TestTokens.Mint(caller, [role], caller == "operator-000" ? "org-123" : "org-prv");

        using var response = await PrivacyCalls.SendAsync(_client, HttpMethod.Get, $"/api/v1/privacy/users/{subject}/export", token);

        if (code is null)
        {
            Assert.That(response.StatusCode, Is.EqualTo(status), await response.Content.ReadAsStringAsync());
        }
        else
        {
            await ApiClient.AssertProblemAsync(response, status, code);
        }
    }

    [TestCase(null, TestName = "Erase_WithoutConfirm_Returns400")]
    [TestCase("prv-learne", TestName = "Erase_WithAWrongConfirm_Returns400")]
    public async Task Erase_ConfirmMustRepeatTheId(string? confirm)
    {
        using var response = await PrivacyCalls.EraseAsync(_client, "prv-learner", Learner(), confirm);

        var problem = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Multiple(async () =>
        {
            Assert.That(problem["errors"]?["confirm"], Is.Not.Null, problem.ToJsonString());
            Assert.That(await TestStore.ScalarAsync<long>("SELECT count(*) FROM lrs.users WHERE id = 'prv-learner'"), Is.EqualTo(1));
        });
    }

    [TestCase("prv-trainer", "trainer", "prv-learner", HttpStatusCode.Forbidden, "ACCESS_DENIED", TestName = "Erase_TrainerForAStudent_Returns403")]
    [TestCase("prv-admin", "org-admin", "prv-outsider", HttpStatusCode.Forbidden, "ACCESS_DENIED", TestName = "Erase_OrgAdminForANonMember_Returns403")]
    [TestCase("prv-learner", "learner", "prv-erase1", HttpStatusCode.Forbidden, "ACCESS_DENIED", TestName = "Erase_LearnerForSomeoneElse_Returns403")]
    [TestCase("operator-000", "platform-admin", "prv-nobody", HttpStatusCode.NotFound, "SUBJECT_NOT_FOUND", TestName = "Erase_PlatformAdminForAnUnknownId_Returns404")]
    [TestCase("prv-admin", "org-admin", "prv-nobody", HttpStatusCode.Forbidden, "ACCESS_DENIED", TestName = "Erase_OrgAdminForAnUnknownId_Returns403")]
    public async Task Erase_AccessMatrix(string caller, string role, string subject, HttpStatusCode status, string code)
    {
        var token = TestTokens.Mint(caller, [role], caller == "operator-000" ? "org-123" : "org-prv");

        using var response = await PrivacyCalls.EraseAsync(_client, subject, token, subject);

        await ApiClient.AssertProblemAsync(response, status, code);
        Assert.That(await TestStore.ScalarAsync<long>("SELECT count(*) FROM lrs.users WHERE id = @subject", new { subject }),
            Is.EqualTo(subject == "prv-nobody" ? 0 : 1), "nothing was erased");
    }

    [Test]
    public async Task Erase_ByAnOrgAdminOfAMember_WithConfirmInTheBody_ErasesOnce_ThenIsAHarmlessNoOp()
    {
        using var first = await PrivacyCalls.SendAsync(_client, HttpMethod.Delete, "/api/v1/privacy/user/prv-erase1", OrgAdmin(),
            new { confirm = "prv-erase1" });
        var receipt = await ApiClient.ReadJsonAsync(first);
        var state = await StateAsync();

        using var byAdmin = await PrivacyCalls.EraseAsync(_client, "prv-erase1", OrgAdmin(), "prv-erase1");
        using var byOperator = await PrivacyCalls.EraseAsync(_client, "prv-erase1", PlatformAdmin(), "prv-erase1");

        Assert.Multiple(async () =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK), receipt.ToJsonString());
            Assert.That(receipt["erasedUserId"]?.GetValue<string>(), Is.EqualTo("prv-erase1"));
            Assert.That(receipt["erasedAt"]?.GetValue<string>(), Does.EndWith("Z"));
            Assert.That(receipt["deleted"]?["lrs.users"]?.GetValue<long>(), Is.EqualTo(1));
            Assert.That(receipt["deleted"]?["lrs.enrolments"]?.GetValue<long>(), Is.EqualTo(1));
            Assert.That(receipt["recomputeJobId"]?.GetValue<string>(), Does.StartWith("job_"));
            Assert.That(receipt.ContainsKey("notes"), Is.False, "standalone demo mode: nothing to remove at a source");
            await ApiClient.AssertProblemAsync(byAdmin, HttpStatusCode.Forbidden, "ACCESS_DENIED");
            await ApiClient.AssertProblemAsync(byOperator, HttpStatusCode.NotFound, "SUBJECT_NOT_FOUND");
            Assert.That(await StateAsync(), Is.EqualTo(state), "a second erasure changes nothing");
        });

        var hashRef = await TestStore.ScalarAsync<string>(
            "SELECT subject_ref FROM ops.audit_log WHERE action = 'privacy.erasure.completed' ORDER BY id DESC LIMIT 1");
        var audit = await TestStore.QueryAsync<(string Action, string Actor, string Subject)>(
            "SELECT action, actor_ref, subject_ref FROM ops.audit_log WHERE subject_ref = @hashRef ORDER BY id", new { hashRef });
        Assert.Multiple(async () =>
        {
            Assert.That(hashRef, Does.Match("^hash:[0-9a-f]{64}$"));
            Assert.That(audit.Select(a => a.Action), Is.EqualTo(new[] { "privacy.erasure.requested", "privacy.erasure.completed" }));
            Assert.That(audit.Select(a => a.Actor), Is.All.EqualTo("prv-admin"));
            Assert.That(await TestStore.ScalarAsync<long>("SELECT count(*) FROM ops.audit_log WHERE subject_ref = 'prv-erase1' OR actor_ref = 'prv-erase1'"),
                Is.Zero);
            Assert.That(await TestStore.ScalarAsync<string>(
                    "SELECT status || '|' || coalesce(subject_id, '-') FROM ops.privacy_requests WHERE kind = 'erasure' AND requested_by = 'prv-admin'"),
                Is.EqualTo("completed|-"));
            Assert.That(await TestStore.ScalarAsync<long>(
                    "SELECT count(*) FROM analytics.refresh_jobs WHERE id = @id AND trigger = 'erasure'", new { id = receipt["recomputeJobId"]!.GetValue<string>() }),
                Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Preferences_RoundTrip_AndEachChangeIsAudited()
    {
        using var initial = await PrivacyCalls.SendAsync(_client, HttpMethod.Get, "/api/v1/privacy/users/prv-learner/preferences", Learner());
        var before = await ApiClient.ReadJsonAsync(initial);
        using var put = await PrivacyCalls.SendAsync(_client, HttpMethod.Put, "/api/v1/privacy/users/prv-learner/preferences", Learner(),
            new { leaderboardPrivacy = "hidden", predictiveOptOut = true });
        var written = await ApiClient.ReadJsonAsync(put);
        using var reread = await PrivacyCalls.SendAsync(_client, HttpMethod.Get, "/api/v1/privacy/users/prv-learner/preferences", Learner());
        var after = await ApiClient.ReadJsonAsync(reread);
        var actions = await TestStore.QueryAsync<string>(
            "SELECT action FROM ops.audit_log WHERE subject_ref = 'prv-learner' AND action IN ('privacy.leaderboard', 'privacy.opt-out') ORDER BY id");
        var queued = await TestStore.ScalarAsync<long>(
            "SELECT count(*) FROM analytics.refresh_jobs WHERE subject_type = 'learner' AND subject_id = 'prv-learner' AND 'drop-off-risk' = ANY (analytics)");
        await PrivacyCalls.SendAsync(_client, HttpMethod.Put, "/api/v1/privacy/users/prv-learner/preferences", Learner(),
            new { leaderboardPrivacy = "anonymous", predictiveOptOut = false });

        Assert.Multiple(() =>
        {
            Assert.That(before.ToJsonString(), Is.EqualTo("""{"leaderboardPrivacy":"anonymous","predictiveOptOut":false}"""));
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK), written.ToJsonString());
            Assert.That(written.ToJsonString(), Is.EqualTo("""{"leaderboardPrivacy":"hidden","predictiveOptOut":true}"""));
            Assert.That(after.ToJsonString(), Is.EqualTo(written.ToJsonString()));
            Assert.That(actions, Is.EqualTo(new[] { "privacy.leaderboard", "privacy.opt-out" }));
            Assert.That(queued, Is.GreaterThanOrEqualTo(1), "the opt-out queues the learner's predictive snapshots");
        });
    }

    [TestCase("""{"predictiveOptOut":true}""", "leaderboardPrivacy", TestName = "PutPreferences_WithoutLeaderboardPrivacy_Returns400")]
    [TestCase("""{"leaderboardPrivacy":"public"}""", "predictiveOptOut", TestName = "PutPreferences_WithoutPredictiveOptOut_Returns400")]
    [TestCase("""{"leaderboardPrivacy":"everyone","predictiveOptOut":false}""", "leaderboardPrivacy", TestName = "PutPreferences_WithAnUnknownChoice_Returns400")]
    public async Task PutPreferences_Validation(string body, string field)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri("/api/v1/privacy/users/prv-learner/preferences", UriKind.Relative))
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Learner());

        using var response = await _client.SendAsync(request);

        var problem = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.That(problem["errors"]?[field], Is.Not.Null, problem.ToJsonString());
    }

    [Test]
    public async Task Preferences_OfSomeoneElse_Returns403_AndAPlatformAdminMayNotUseThem()
    {
        using var other = await PrivacyCalls.SendAsync(_client, HttpMethod.Get, "/api/v1/privacy/users/prv-learner/preferences", OrgAdmin(), activeRole: "org-admin");
        using var operatorRead = await PrivacyCalls.SendAsync(_client, HttpMethod.Get, "/api/v1/privacy/users/operator-000/preferences", PlatformAdmin());

        await ApiClient.AssertProblemAsync(other, HttpStatusCode.Forbidden, "ACCESS_DENIED");
        await ApiClient.AssertProblemAsync(operatorRead, HttpStatusCode.Forbidden, "ROLE_NOT_PERMITTED");
    }

    /// <summary>A fingerprint of what an erasure writes: tombstones, requests, audit rows, users, queued jobs.</summary>
    private static async Task<string> StateAsync() =>
        (await TestStore.ScalarAsync<string>(
            """
            SELECT concat_ws('|', (SELECT count(*) FROM ops.erasure_tombstones), (SELECT count(*) FROM ops.privacy_requests WHERE kind = 'erasure'),
                   (SELECT count(*) FROM ops.audit_log WHERE action LIKE 'privacy.erasure.%'), (SELECT count(*) FROM lrs.users WHERE organisation_id = 'org-prv'),
                   (SELECT count(*) FROM analytics.refresh_jobs WHERE trigger = 'erasure'))
            """))!;
}
