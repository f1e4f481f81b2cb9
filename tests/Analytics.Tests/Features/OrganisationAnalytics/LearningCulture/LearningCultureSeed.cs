using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.OrganisationAnalytics.LearningCulture;

/// <summary>
/// The learning-culture scenario (asOf 2025-03-14): organisation `oc-org` with 19 learners, oc-l01…oc-l09 in department oc-d9
/// and oc-l10…oc-l19 in oc-d10, plus a second organisation `oc-other` with its own org-admin. Day offsets are relative to asOf.
/// </summary>
public static class LearningCultureSeed
{
    public const string Org = "oc-org";
    public const string OtherOrg = "oc-other";
    public const string Admin = "oc.admin@example.test";
    public const string OtherAdmin = "oc.other.admin@example.test";
    public const string LearnerEmail = "oc.l01@example.test";
    public static readonly DateOnly AsOf = new(2025, 3, 14);

    public static string Learner(int n) => $"oc-l{n:D2}";

    public static async Task SeedAsync()
    {
        await TestStore.OrganisationAsync(Org, AsOf.AddDays(1));
        await TestStore.OrganisationAsync(OtherOrg, AsOf.AddDays(1));
        await TestStore.ExecuteAsync(
            """
            INSERT INTO lrs.departments (id, organisation_id, name, source) VALUES
                ('oc-d9', 'oc-org', 'Nine', 'test'), ('oc-d10', 'oc-org', 'Ten', 'test'), ('oc-dx', 'oc-other', 'Other', 'test');
            """);
        for (var n = 1; n <= 19; n++)
        {
            await TestStore.UserAsync(Learner(n), Org, n == 1 ? LearnerEmail : null, "learner");
        }

        await TestStore.UserAsync("oc-admin", Org, Admin, "org-admin");
        await TestStore.UserAsync("oc-trainer", Org, "oc.trainer@example.test", "trainer");
        await TestStore.UserAsync("oc-other-admin", OtherOrg, OtherAdmin, "org-admin");
        await TestStore.ExecuteAsync(
            """
            UPDATE lrs.users SET department_id = CASE WHEN id <= 'oc-l09' THEN 'oc-d9' ELSE 'oc-d10' END
            WHERE id LIKE 'oc-l__';
            """);
        await TestStore.CourseAsync("oc-c1", Org, topics: 1, startsOn: null, endsOn: null);

        await TestStore.ExecuteAsync(
            """
            INSERT INTO lrs.content_items (id, course_id, type, source) VALUES
                ('oc-i-forum', 'oc-c1', 'forum', 'test'), ('oc-i-video', 'oc-c1', 'video', 'test');

            -- VP: 15 enrolments in 365 days (l01–l10 voluntary, l11–l15 assigned); l16 enrolled 400 days ago does not count.
            INSERT INTO lrs.enrolments (id, course_id, user_id, enrolled_on, kind, status, completed_on, source)
            SELECT 'oc-e' || n, 'oc-c1', 'oc-l' || lpad(n::text, 2, '0'),
                   CASE n WHEN 12 THEN @asOf - 150 WHEN 16 THEN @asOf - 400 ELSE @asOf - 100 END,
                   CASE WHEN n <= 10 OR n = 16 THEN 'voluntary' ELSE 'assigned' END,
                   CASE WHEN n <= 4 OR n IN (11, 12) THEN 'completed' ELSE 'active' END,
                   CASE WHEN n <= 4 THEN @asOf - 10 WHEN n = 11 THEN @asOf - 50 WHEN n = 12 THEN @asOf - 120 END,
                   'test'
            FROM generate_series(1, 16) AS n;

            -- Two of the five completions of the last 90 days left feedback.
            INSERT INTO lrs.feedback (id, course_id, user_id, rating, submitted_at, source) VALUES
                ('oc-f1', 'oc-c1', 'oc-l01', 4, (@asOf - 5)::timestamp + interval '12 hours', 'test'),
                ('oc-f2', 'oc-c1', 'oc-l02', 5, (@asOf - 5)::timestamp + interval '12 hours', 'test');

            INSERT INTO lrs.skills (id, name, source) VALUES ('oc-s1', 'Culture one', 'test'), ('oc-s2', 'Culture two', 'test');
            INSERT INTO lrs.course_skills (course_id, skill_id, source) VALUES ('oc-c1', 'oc-s1', 'test');
            INSERT INTO lrs.skill_targets (id, organisation_id, department_id, skill_id, required_level, business_priority, source) VALUES
                ('oc-st1', 'oc-org', NULL, 'oc-s1', 3, 'high', 'test'), ('oc-st2', 'oc-org', NULL, 'oc-s2', 2, 'low', 'test');
            INSERT INTO lrs.user_skills (user_id, skill_id, level, acquired, acquired_on, source)
            SELECT 'oc-l0' || n, 'oc-s1', 2, true, @asOf - 20, 'test' FROM generate_series(1, 4) AS n;
            INSERT INTO lrs.practice_sessions (id, user_id, skill_id, started_at, passed, source)
            VALUES ('oc-p1', 'oc-l01', 'oc-s1', (@asOf - 10)::timestamp + interval '12 hours', true, 'test');

            INSERT INTO lrs.content_contributions (user_id, content_item_id, kind, at, source) VALUES
                ('oc-l01', 'oc-i-video', 'created', (@asOf - 3)::timestamp + interval '12 hours', 'test'),
                ('oc-l02', 'oc-i-video', 'shared', (@asOf - 4)::timestamp + interval '12 hours', 'test');

            -- Active in the last 30 days: trainer → l05 (open) and l06 → l07 (ended 10 days ago); l08 → l09 ended 40 days ago.
            INSERT INTO lrs.mentoring_links (mentor_id, mentee_id, started_on, ended_on, source) VALUES
                ('oc-trainer', 'oc-l05', @asOf - 60, NULL, 'test'),
                ('oc-l06', 'oc-l07', @asOf - 200, @asOf - 10, 'test'),
                ('oc-l08', 'oc-l09', @asOf - 200, @asOf - 40, 'test');

            INSERT INTO lrs.help_requests (id, user_id, asked_at, source) VALUES
                ('oc-h1', 'oc-l01', (@asOf - 1)::timestamp + interval '12 hours', 'test'),
                ('oc-h2', 'oc-l02', (@asOf - 40)::timestamp + interval '12 hours', 'test');

            SELECT ops.ensure_month_partitions('lrs.activity_days'::regclass, DATE '2025-03-01', DATE '2025-03-01');
            -- l01–l12 active two days ago for 30 minutes; l01–l03 also on the forum (no minutes).
            INSERT INTO lrs.activity_days (user_id, course_id, content_item_id, day, events, minutes, source)
            SELECT 'oc-l' || lpad(n::text, 2, '0'), 'oc-c1', 'oc-i-video', @asOf - 2, 5, 30, 'test' FROM generate_series(1, 12) AS n;
            INSERT INTO lrs.activity_days (user_id, course_id, content_item_id, day, events, minutes, source)
            SELECT 'oc-l0' || n, 'oc-c1', 'oc-i-forum', @asOf - 2, 1, NULL, 'test' FROM generate_series(1, 3) AS n;

            -- Fresh engagement snapshots, so the statement reads these values (l01–l10 50, l11–l18 70, l19 none).
            INSERT INTO analytics.analytics_snapshots
                (subject_type, subject_id, role, analytic, organisation_id, payload, computed_at, data_as_of, source,
                 definition_version, inputs_hash, attempted_at, attempt_status)
            SELECT 'learner', 'oc-l' || lpad(n::text, 2, '0'), 'learner', 'engagement', 'oc-org',
                   jsonb_build_object('overallEngagement', CASE WHEN n <= 10 THEN to_jsonb(50) WHEN n <= 18 THEN to_jsonb(70) ELSE 'null'::jsonb END),
                   now(), now(), 'test', 'engagement@1.0', decode(repeat('00', 32), 'hex'), now(), 'computed'
            FROM generate_series(1, 19) AS n;
            """,
            new { asOf = AsOf });
    }
}
