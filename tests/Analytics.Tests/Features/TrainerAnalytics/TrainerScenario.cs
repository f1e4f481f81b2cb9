using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.TrainerAnalytics;

/// <summary>
/// One seeded organisation for the trainer endpoint tests (ids `tr-…`, asOf 2025-03-14), written once per run:
/// - tr-trainer teaches tr-c1 (12 learners: ANALYTICS.md G6's scores on one exam, 1 withdrawn, 1 completed, 5 of the 10 active
///   learners active daily for the last 14 days, 10 ratings), tr-c9 (9 learners: every figure is below k) and tr-cp (a
///   platform-wide course without enrolments, which an org-admin may not see);
/// - tr-peer teaches tr-cx; tr-admin administers tr-org, tr-outsider another organisation; tr-learner is only a learner;
///   tr-multi holds learner and trainer;
/// - tr-edge teaches tr-co, an open-ended self-paced course (no dates, no length) whose learners are tr-l01 … tr-l10 (so each
///   is in two courses), plus tr-old, enrolled more than 365 days ago; tr-l01 has a single submission in it.
/// </summary>
public static class TrainerScenario
{
    public const string Org = "tr-org";
    public const string OtherOrg = "tr-org2";
    public const string Trainer = "tr.trainer@example.test";
    public const string Peer = "tr.peer@example.test";
    public const string Admin = "tr.admin@example.test";
    public const string Outsider = "tr.outsider@example.test";
    public const string Learner = "tr.learner@example.test";
    public const string Multi = "tr.multi@example.test";
    public const string Edge = "tr.edge@example.test";

    public static readonly DateOnly AsOf = new(2025, 3, 14);

    /// <summary>G6 (ANALYTICS.md §8): the course scores of tr-l01 … tr-l12, in that order.</summary>
    public static readonly int[] G6Scores = [95, 91, 88, 80, 76, 74, 70, 65, 61, 59, 45, 30];

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
        await TestStore.UserAsync("tr-trainer", Org, Trainer, "trainer");
        await TestStore.UserAsync("tr-peer", Org, Peer, "trainer");
        await TestStore.UserAsync("tr-admin", Org, Admin, "org-admin");
        await TestStore.UserAsync("tr-outsider", OtherOrg, Outsider, "org-admin");
        await TestStore.UserAsync("tr-learner", Org, Learner, "learner");
        await TestStore.UserAsync("tr-multi", Org, Multi, "learner", "trainer");

        var start = new DateOnly(2025, 1, 1);
        await TestStore.CourseAsync("tr-c1", Org, topics: 3, start, new DateOnly(2025, 6, 30), trainerId: "tr-trainer");
        await TestStore.CourseAsync("tr-c9", Org, topics: 1, null, null, lengthDays: 365, trainerId: "tr-trainer");
        await TestStore.CourseAsync("tr-cx", Org, topics: 1, start, new DateOnly(2025, 6, 30), trainerId: "tr-peer");
        await TestStore.ExecuteAsync(
            """
            INSERT INTO lrs.courses (id, organisation_id, title, starts_on, ends_on, source) VALUES ('tr-cp', NULL, 'tr-cp', '2025-01-01', '2025-06-30', 'test');
            INSERT INTO lrs.topics (id, course_id, title, position, source) VALUES ('tr-cp-t1', 'tr-cp', 'Topic 1', 1, 'test');
            INSERT INTO lrs.course_trainers (course_id, user_id, source) VALUES ('tr-cp', 'tr-trainer', 'test');
            INSERT INTO lrs.assessments (id, course_id, topic_id, kind, weight, pass_threshold_pct, source) VALUES
                ('tr-c1-exam', 'tr-c1', 'tr-c1-t1', 'exam', 100, 70, 'test'),
                ('tr-c9-exam', 'tr-c9', 'tr-c9-t1', 'exam', 100, 70, 'test');
            INSERT INTO lrs.content_items (id, course_id, topic_id, type, duration_s, source) VALUES ('tr-c1-ci1', 'tr-c1', 'tr-c1-t2', 'video', 600, 'test');
            """);

        for (var i = 1; i <= 12; i++)
        {
            var learner = $"tr-l{i:00}";
            await TestStore.UserAsync(learner, Org, null, "learner");
            var (status, completedOn, withdrawnOn) = i switch
            {
                11 => ("withdrawn", (DateOnly?)null, (DateOnly?)new DateOnly(2025, 2, 15)),
                12 => ("completed", new DateOnly(2025, 3, 1), null),
                _ => ("active", null, null),
            };
            await TestStore.ExecuteAsync(
                """
                INSERT INTO lrs.enrolments (id, course_id, user_id, enrolled_on, kind, status, completed_on, withdrawn_on, source)
                VALUES (@learner || '-tr-c1', 'tr-c1', @learner, @start, 'voluntary', @status, @completedOn, @withdrawnOn, 'test');
                INSERT INTO lrs.submissions (id, assessment_id, user_id, submitted_on, attempt, score_pct, source)
                VALUES (@learner || '-exam', 'tr-c1-exam', @learner, '2025-02-01', 1, @score, 'test');
                """,
                new { learner, start, status, completedOn, withdrawnOn, score = G6Scores[i - 1] });
        }

        int[] ratings = [5, 5, 5, 4, 4, 4, 4, 3, 3, 2];
        for (var i = 1; i <= ratings.Length; i++)
        {
            await TestStore.ExecuteAsync(
                """
                INSERT INTO lrs.feedback (id, course_id, user_id, rating, submitted_at, source)
                VALUES ('tr-fb-' || @i, 'tr-c1', @learner, @rating, '2025-03-05T12:00:00Z', 'test')
                """,
                new { i, learner = $"tr-l{i:00}", rating = ratings[i - 1] });
        }

        // tr-l01 … tr-l05 are active every day of the last 14 (10 events, 20 minutes each): engagement 82, not at risk.
        await TestStore.ExecuteAsync(
            """
            SELECT ops.ensure_month_partitions('lrs.activity_days', DATE '2025-03-01', DATE '2025-03-01');
            INSERT INTO lrs.activity_days (user_id, course_id, content_item_id, day, events, minutes, source)
            SELECT 'tr-l0' || n, 'tr-c1', 'tr-c1-ci1', day::date, 10, 20, 'test'
            FROM generate_series(1, 5) AS n, generate_series(DATE '2025-03-01', DATE '2025-03-14', interval '1 day') AS day;
            """);

        await TestStore.UserAsync("tr-edge", Org, Edge, "trainer");
        await TestStore.UserAsync("tr-old", Org, null, "learner");
        await TestStore.CourseAsync("tr-co", Org, topics: 2, null, null, trainerId: "tr-edge");
        await TestStore.EnrolAsync("tr-old", "tr-co", new DateOnly(2023, 6, 1));
        for (var i = 1; i <= 10; i++)
        {
            await TestStore.EnrolAsync($"tr-l{i:00}", "tr-co", new DateOnly(2025, 1, 10));
        }

        await TestStore.ExecuteAsync(
            """
            INSERT INTO lrs.assessments (id, course_id, topic_id, kind, weight, pass_threshold_pct, source)
            VALUES ('tr-co-quiz', 'tr-co', 'tr-co-t1', 'quiz', 0, 70, 'test');
            INSERT INTO lrs.submissions (id, assessment_id, user_id, submitted_on, attempt, score_pct, source)
            VALUES ('tr-l01-co-quiz', 'tr-co-quiz', 'tr-l01', '2025-01-20', 1, 88, 'test');
            """);

        for (var i = 1; i <= 9; i++)
        {
            var learner = $"tr-m{i}";
            await TestStore.UserAsync(learner, Org, null, "learner");
            await TestStore.EnrolAsync(learner, "tr-c9", start);
            await TestStore.ExecuteAsync(
                """
                INSERT INTO lrs.submissions (id, assessment_id, user_id, submitted_on, attempt, score_pct, source)
                VALUES (@learner || '-exam', 'tr-c9-exam', @learner, '2025-02-01', 1, 80, 'test')
                """,
                new { learner });
        }
    }
}
