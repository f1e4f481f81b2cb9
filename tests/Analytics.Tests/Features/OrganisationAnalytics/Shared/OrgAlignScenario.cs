using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.OrganisationAnalytics.Shared;

/// <summary>
/// One seeded organisation for the strategic-alignment and org-performance endpoint tests (ids `oa-…`, asOf 2025-03-14), written
/// once per run:
/// - oa-d10: learners oa-a01 … oa-a10; oa-d9: oa-b01 … oa-b09 (a department of 9, below k = 10); oa-admin administers oa-org,
///   oa-outsider another organisation;
/// - KPIs of G10 (80/100 weight 2, 120/100 weight 1; an older period of the first is ignored) and `customerSatisfaction` 4.5 with
///   weight 0 (business impact only);
/// - target oa-t1: every employee, OA Skill One at level 3, high, "Ship Faster"; oa-t2: oa-d9 only, OA Skill Two at level 2,
///   medium, "Legal Safety". a01–a06 hold level 3 of skill one (acquired at −30), a07–a10 level 1; b01–b09 level 3 (acquired at
///   −200) and level 1 of skill two;
/// - a01–a10 have an assigned enrolment in oa-c1 (teaches skill one; enrolled at −100), a01–a08 completed it at −10; b01–b09 a
///   voluntary one in oa-c2 (teaches skill one; enrolled at −256), b01–b05 completed and b06–b09 withdrew at −20;
/// - activity: everyone at −100; a01–a10 and b01–b05 at −5. Engagement snapshots of 50 for all 19 (fresh, so they are read as is).
/// - oa-org2 has no learners at all; oa-empty has 10 learners (oa-e01 … oa-e10) and no other rows, administered by oa-empty-admin.
/// With the department filter oa-d10 this is G10 exactly (K 86.67, C 60, P 80 → 0.77 C+).
/// </summary>
public static class OrgAlignScenario
{
    public const string Org = "oa-org";
    public const string OtherOrg = "oa-org2";
    public const string EmptyOrg = "oa-empty";
    public const string EmptyAdmin = "oa.empty@example.test";
    public const string Admin = "oa.admin@example.test";
    public const string Outsider = "oa.outsider@example.test";
    public const string TenDepartment = "oa-d10";
    public const string NineDepartment = "oa-d9";

    public static readonly DateOnly AsOf = new(2025, 3, 14);

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static bool _seeded;

    public static async Task EnsureAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (!_seeded)
            {
                await SeedAsync();
                _seeded = true;
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task SeedAsync()
    {
        await TestStore.OrganisationAsync(Org, AsOf.AddDays(1));
        await TestStore.OrganisationAsync(OtherOrg, AsOf.AddDays(1));
        await TestStore.ExecuteAsync(
            """
            INSERT INTO lrs.departments (id, organisation_id, name, source)
            VALUES ('oa-d10', 'oa-org', 'OA Ten', 'test'), ('oa-d9', 'oa-org', 'OA Nine', 'test')
            """);
        await TestStore.UserAsync("oa-admin", Org, Admin, "org-admin");
        await TestStore.UserAsync("oa-outsider", OtherOrg, Outsider, "org-admin");
        await TestStore.OrganisationAsync(EmptyOrg, AsOf.AddDays(1));
        await TestStore.UserAsync("oa-empty-admin", EmptyOrg, EmptyAdmin, "org-admin");
        for (var i = 1; i <= 10; i++)
        {
            await TestStore.UserAsync($"oa-e{i:D2}", EmptyOrg, null, "learner");
        }

        for (var i = 1; i <= 10; i++)
        {
            await TestStore.UserAsync($"oa-a{i:D2}", Org, null, "learner");
        }

        for (var i = 1; i <= 9; i++)
        {
            await TestStore.UserAsync($"oa-b{i:D2}", Org, null, "learner");
        }

        await TestStore.CourseAsync("oa-c1", Org, 1, null, null);
        await TestStore.CourseAsync("oa-c2", Org, 1, null, null);
        await TestStore.ExecuteAsync(
            """
            UPDATE lrs.users SET department_id = CASE WHEN id LIKE 'oa-a%' THEN 'oa-d10' ELSE 'oa-d9' END
            WHERE organisation_id = 'oa-org' AND id ~ '^oa-[ab][0-9]+$';

            INSERT INTO lrs.kpis (id, organisation_id, name, unit, target, value, weight, period, source) VALUES
              ('oa-k1', 'oa-org', 'OA completion', '%', 100, 80, 2, '2025-Q1', 'test'),
              ('oa-k1-old', 'oa-org', 'OA completion', '%', 100, 10, 2, '2024-Q4', 'test'),
              ('oa-k2', 'oa-org', 'OA pass rate', '%', 100, 120, 1, '2025-Q1', 'test'),
              ('oa-k3', 'oa-org', 'customerSatisfaction', 'score', 5, 4.5, 0, '2025-Q1', 'test');

            INSERT INTO lrs.skills (id, name, source) VALUES ('oa-s1', 'OA Skill One', 'test'), ('oa-s2', 'OA Skill Two', 'test');
            INSERT INTO lrs.course_skills (course_id, skill_id, source) VALUES ('oa-c1', 'oa-s1', 'test'), ('oa-c2', 'oa-s1', 'test');
            INSERT INTO lrs.skill_targets (id, organisation_id, department_id, skill_id, required_level, business_priority, value_proposition, source)
            VALUES ('oa-t1', 'oa-org', NULL, 'oa-s1', 3, 'high', 'Ship Faster', 'test'),
                   ('oa-t2', 'oa-org', 'oa-d9', 'oa-s2', 2, 'medium', 'Legal Safety', 'test');

            INSERT INTO lrs.user_skills (user_id, skill_id, level, acquired, acquired_on, source)
            SELECT 'oa-a' || lpad(n::text, 2, '0'), 'oa-s1', CASE WHEN n <= 6 THEN 3 ELSE 1 END, n <= 6,
                   CASE WHEN n <= 6 THEN @asOf - 30 END, 'test'
            FROM generate_series(1, 10) AS n;
            INSERT INTO lrs.user_skills (user_id, skill_id, level, acquired, acquired_on, source)
            SELECT 'oa-b' || lpad(n::text, 2, '0'), s.skill_id, s.level, s.level = 3, CASE WHEN s.level = 3 THEN @asOf - 200 END, 'test'
            FROM generate_series(1, 9) AS n
            CROSS JOIN (VALUES ('oa-s1', 3), ('oa-s2', 1)) AS s (skill_id, level);

            INSERT INTO lrs.enrolments (id, course_id, user_id, enrolled_on, kind, status, completed_on, source)
            SELECT 'oa-e-a' || n, 'oa-c1', 'oa-a' || lpad(n::text, 2, '0'), @asOf - 100, 'assigned',
                   CASE WHEN n <= 8 THEN 'completed' ELSE 'active' END, CASE WHEN n <= 8 THEN @asOf - 10 END, 'test'
            FROM generate_series(1, 10) AS n;
            INSERT INTO lrs.enrolments (id, course_id, user_id, enrolled_on, kind, status, completed_on, withdrawn_on, source)
            SELECT 'oa-e-b' || n, 'oa-c2', 'oa-b' || lpad(n::text, 2, '0'), @asOf - 256, 'voluntary',
                   CASE WHEN n <= 5 THEN 'completed' ELSE 'withdrawn' END,
                   CASE WHEN n <= 5 THEN @asOf - 20 END, CASE WHEN n > 5 THEN @asOf - 20 END, 'test'
            FROM generate_series(1, 9) AS n;

            INSERT INTO lrs.activity_days (user_id, course_id, content_item_id, day, events, minutes, source)
            SELECT u.id, CASE WHEN u.id LIKE 'oa-a%' THEN 'oa-c1' ELSE 'oa-c2' END, NULL, d.day, 3, NULL, 'test'
            FROM lrs.users u
            CROSS JOIN (VALUES (@asOf - 100), (@asOf - 5)) AS d (day)
            WHERE u.id ~ '^oa-[ab][0-9]+$' AND (d.day = @asOf - 100 OR u.id LIKE 'oa-a%' OR u.id <= 'oa-b05');

            INSERT INTO analytics.analytics_snapshots
                (subject_type, subject_id, role, analytic, organisation_id, payload, computed_at, data_as_of, source,
                 definition_version, inputs_hash, attempted_at, attempt_status)
            SELECT 'learner', u.id, 'learner', 'engagement', 'oa-org', '{"overallEngagement": 50}'::jsonb, now(), now(), 'demo',
                   'engagement@1.0', decode(repeat('00', 32), 'hex'), now(), 'computed'
            FROM lrs.users u
            WHERE u.id ~ '^oa-[ab][0-9]+$';
            """,
            new { asOf = AsOf });
    }
}
