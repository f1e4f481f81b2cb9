using System.Globalization;
using System.Text.Json;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.OrganisationAnalytics.LearningVelocity;

/// <summary>
/// One organisation for the learning-velocity and department-analytics endpoint tests (asOf 2025-03-14), written once per run:
/// Engineering (10 learners), Finance (11), Sales (9: below k) and an empty department; an admin; another organisation with
/// its own admin and a learner+trainer. Learner velocity and engagement snapshots are written directly (computed now), so the
/// organisation statements read known member values and LearnerSnapshotInputs finds nothing missing.
/// </summary>
internal static class OrgVelocitySeed
{
    public const string Org = "ov-org";
    public const string OtherOrg = "ov-other";
    public const string AdminEmail = "ov.admin@example.test";
    public const string OtherAdminEmail = "ov.other.admin@example.test";
    public const string MultiEmail = "ov.multi@example.test";
    public static readonly DateOnly AsOf = new(2025, 3, 14);

    public static readonly string[] Engineering = Ids("ov-e", 10);
    public static readonly string[] Finance = Ids("ov-f", 11);
    public static readonly string[] Sales = Ids("ov-sa", 9);

    private static readonly Lazy<Task> Seeded = new(SeedAsync);

    public static Task EnsureAsync() => Seeded.Value;

    /// <summary>
    /// Reads an organisation analytic of the demo organisation and then removes the learner snapshots that reading stored
    /// (LearnerSnapshotInputs computes every missing member snapshot), so tests that expect a demo learner without a stored
    /// snapshot still find the demo store as they would without this read.
    /// </summary>
    public static async Task<HttpResponseMessage> ReadDemoAsync(string path)
    {
        var started = await TestStore.ScalarAsync<DateTime>("SELECT now()");
        try
        {
            var token = await ApiClient.TokenAsync("admin@test.com");
            return await ApiClient.GetAsync(path, token, "org-admin");
        }
        finally
        {
            await TestStore.ExecuteAsync(
                """
                DELETE FROM analytics.analytics_snapshots
                WHERE subject_type = 'learner' AND organisation_id = 'org-123' AND job_id IS NULL AND computed_at >= @started
                """,
                new { started });
        }
    }

    private static string[] Ids(string prefix, int count) =>
        Enumerable.Range(1, count).Select(i => prefix + i.ToString(CultureInfo.InvariantCulture)).ToArray();

    private static DateOnly Day(int offset) => AsOf.AddDays(offset);

    private static async Task SeedAsync()
    {
        await TestStore.OrganisationAsync(Org, AsOf.AddDays(1));
        await TestStore.OrganisationAsync(OtherOrg, AsOf.AddDays(1));
        await TestStore.ExecuteAsync(
            """
            INSERT INTO lrs.departments (id, organisation_id, name, source) VALUES
                ('ov-eng', 'ov-org', 'Engineering', 'test'), ('ov-fin', 'ov-org', 'Finance', 'test'),
                ('ov-sal', 'ov-org', 'Sales', 'test'), ('ov-emp', 'ov-org', 'Empty', 'test'),
                ('ov-oth', 'ov-other', 'Other', 'test');
            SELECT ops.ensure_month_partitions('lrs.activity_days', DATE '2024-10-01', DATE '2025-04-01');
            """);
        await TestStore.UserAsync("ov-admin", Org, AdminEmail, "org-admin");
        await TestStore.UserAsync("ov-other-admin", OtherOrg, OtherAdminEmail, "org-admin");
        await TestStore.UserAsync("ov-multi", OtherOrg, MultiEmail, "learner", "trainer");
        foreach (var (ids, department) in new[] { (Engineering, "ov-eng"), (Finance, "ov-fin"), (Sales, "ov-sal") })
        {
            foreach (var id in ids)
            {
                await TestStore.UserAsync(id, Org, null, "learner");
            }

            await TestStore.ExecuteAsync("UPDATE lrs.users SET department_id = @department WHERE id = ANY (@ids)", new { department, ids });
        }

        // One course teaching skill ov-skill-1 (target level 2 for everyone), with 4 topics and a test.
        await TestStore.CourseAsync("ov-c1", Org, topics: 4, new DateOnly(2024, 9, 1), new DateOnly(2025, 6, 30));
        await TestStore.ExecuteAsync(
            """
            INSERT INTO lrs.skills (id, name, source) VALUES ('ov-skill-1', 'Ov skill', 'test');
            INSERT INTO lrs.course_skills (course_id, skill_id, source) VALUES ('ov-c1', 'ov-skill-1', 'test');
            INSERT INTO lrs.skill_targets (id, organisation_id, skill_id, required_level, business_priority, source)
            VALUES ('ov-target-1', 'ov-org', 'ov-skill-1', 2, 'high', 'test');
            INSERT INTO lrs.assessments (id, course_id, kind, weight, pass_threshold_pct, source)
            VALUES ('ov-a1', 'ov-c1', 'test', 0, 70, 'test');
            """);

        // Activity: Engineering 6 of 10 in the last 30 days and 3 in the 30 days ending 90 days earlier; Finance and Sales all.
        await ActivityAsync(Engineering.Take(6), Day(-3));
        await ActivityAsync(Engineering.Take(3), Day(-100));
        await ActivityAsync(Finance, Day(-5));
        await ActivityAsync(Sales, Day(-5));

        // Engineering: enrolled 2025-01-04; 8 completed with a pass on 2025-03-01, 2 with a fail on 2025-03-02 (completion 100 %,
        // 8 certifications, (8·56 + 2·57)/10 = 56.2 days); scores 5×80 and 5×60 on 2025-01-20 (outside both activity windows);
        // the first 4 acquired the skill at level 2 on 2025-02-01 (28 days after enrolling).
        await TestStore.ExecuteAsync(
            """
            INSERT INTO lrs.enrolments (id, course_id, user_id, enrolled_on, kind, status, completed_on, final_result, source)
            SELECT u || '-ov-c1', 'ov-c1', u, DATE '2025-01-04', 'assigned', 'completed',
                   CASE WHEN n <= 8 THEN DATE '2025-03-01' ELSE DATE '2025-03-02' END,
                   CASE WHEN n <= 8 THEN 'pass' ELSE 'fail' END, 'test'
            FROM unnest(@engineering::text[]) WITH ORDINALITY AS e(u, n);
            INSERT INTO lrs.submissions (id, assessment_id, user_id, submitted_on, score_pct, source)
            SELECT u || '-ov-a1', 'ov-a1', u, DATE '2025-01-20', CASE WHEN n <= 5 THEN 80 ELSE 60 END, 'test'
            FROM unnest(@engineering::text[]) WITH ORDINALITY AS e(u, n);
            INSERT INTO lrs.user_skills (user_id, skill_id, level, acquired, acquired_on, source)
            SELECT u, 'ov-skill-1', 2, true, DATE '2025-02-01', 'test'
            FROM unnest(@engineering::text[]) WITH ORDINALITY AS e(u, n)
            WHERE n <= 4;
            """,
            new { engineering = Engineering });

        // Finance: enrolled 2025-01-01, still active; all acquired the skill at level 3 on 2025-02-15 (45 days).
        await TestStore.ExecuteAsync(
            """
            INSERT INTO lrs.enrolments (id, course_id, user_id, enrolled_on, kind, status, source)
            SELECT u || '-ov-c1', 'ov-c1', u, DATE '2025-01-01', 'voluntary', 'active', 'test' FROM unnest(@finance::text[]) AS u;
            INSERT INTO lrs.user_skills (user_id, skill_id, level, acquired, acquired_on, source)
            SELECT u, 'ov-skill-1', 3, true, DATE '2025-02-15', 'test' FROM unnest(@finance::text[]) AS u;
            """,
            new { finance = Finance });

        // Progress units: 3 on 2024-10-10 (previous quarter), 2 on 2025-02-10 and 4 on 2025-03-03 (this quarter).
        for (var i = 0; i < 3; i++)
        {
            await TestStore.CompleteTopicAsync(Finance[i], "ov-c1", 1, new DateOnly(2024, 10, 10));
        }

        for (var i = 0; i < 2; i++)
        {
            await TestStore.CompleteTopicAsync(Finance[i], "ov-c1", 2, new DateOnly(2025, 2, 10));
        }

        for (var i = 0; i < 4; i++)
        {
            await TestStore.CompleteTopicAsync(Finance[i], "ov-c1", 3, new DateOnly(2025, 3, 3));
        }

        // Learner snapshots (velocity now/then; engagement now/then): Engineering 80/80 and 60/40, Finance 20/40 and 50/50,
        // Sales 50/50 and 70/70. Organisation mean velocity (800 + 220 + 450)/30 = 49; bands 10 high, 9 medium, 11 low.
        await SnapshotsAsync(Engineering, velocity: (80, 80), engagement: (60, 40));
        await SnapshotsAsync(Finance, velocity: (20, 40), engagement: (50, 50));
        await SnapshotsAsync(Sales, velocity: (50, 50), engagement: (70, 70));
    }

    private static Task ActivityAsync(IEnumerable<string> userIds, DateOnly day) =>
        TestStore.ExecuteAsync(
            """
            INSERT INTO lrs.activity_days (user_id, course_id, content_item_id, day, events, source)
            SELECT u, 'ov-c1', NULL, @day, 5, 'test' FROM unnest(@userIds::text[]) AS u
            """,
            new { userIds = userIds.ToArray(), day });

    private static async Task SnapshotsAsync(string[] userIds, (int Now, int Then) velocity, (int Now, int Then) engagement)
    {
        await SnapshotAsync(userIds, "velocity", "velocity@1.0", Payload("currentVelocity", "velocityHistory", "velocity", velocity));
        await SnapshotAsync(userIds, "engagement", "engagement@1.0", Payload("overallEngagement", "engagementHistory", "engagement", engagement));
    }

    /// <summary>The keys the organisation statements read: the current value, asOf and 12 weekly points (index 7 = asOf − 28).</summary>
    private static string Payload(string currentKey, string historyKey, string pointKey, (int Now, int Then) values)
    {
        var history = Enumerable.Range(0, 12)
            .Select(i => new Dictionary<string, object>
            {
                ["date"] = AsOf.AddDays(-7 * (11 - i)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                [pointKey] = i == 7 ? values.Then : values.Now,
            })
            .ToArray();
        return JsonSerializer.Serialize(new Dictionary<string, object>
        {
            [currentKey] = values.Now,
            ["asOf"] = AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [historyKey] = history,
        });
    }

    private static Task SnapshotAsync(string[] userIds, string analytic, string definitionVersion, string payload) =>
        TestStore.ExecuteAsync(
            """
            INSERT INTO analytics.analytics_snapshots
                (subject_type, subject_id, role, analytic, organisation_id, payload, computed_at, data_as_of, source,
                 definition_version, inputs_hash, attempted_at, attempt_status)
            SELECT 'learner', u, 'learner', @analytic, 'ov-org', @payload::jsonb, now(), now(), 'test',
                   @definitionVersion, decode(repeat('00', 32), 'hex'), now(), 'computed'
            FROM unnest(@userIds::text[]) AS u
            """,
            new { userIds, analytic, definitionVersion, payload });
}
