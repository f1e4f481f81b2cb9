using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.Predictive.Recommendations;

/// <summary>
/// The `rc-rec-` scenario (asOf 2025-03-14): org rc-rec-org with a critical target skill, course rc-rec-c1 (4 topics) taught by rc-rec-trainer,
/// learner rc-rec-l1 with data for every learner rule, ten more students, an org-admin; org rc-rec-org2 with nothing to recommend, a
/// learner of hand-made feed rows (rc-rec-sum), a small trainer cohort and another org's admin.
/// </summary>
public static class RecommendationsSeed
{
    public const string Org = "rc-rec-org";
    public const string OtherOrg = "rc-rec-org2";
    public static readonly DateOnly AsOf = new(2025, 3, 14);

    private static bool _seeded;

    public static async Task EnsureAsync()
    {
        if (_seeded)
        {
            return;
        }

        _seeded = true;
        await TestStore.OrganisationAsync(Org, AsOf.AddDays(1));
        await TestStore.OrganisationAsync(OtherOrg, AsOf.AddDays(1));
        await TestStore.UserAsync("rc-rec-l1", Org, "rc.rec.l1@example.test", "learner");
        await TestStore.UserAsync("rc-rec-l0", Org, "rc.rec.l0@example.test", "learner");
        await TestStore.UserAsync("rc-rec-trainer", Org, "rc.rec.trainer@example.test", "trainer");
        await TestStore.UserAsync("rc-rec-admin", Org, "rc.rec.admin@example.test", "org-admin");
        await TestStore.UserAsync("rc-rec-none", OtherOrg, "rc.rec.none@example.test", "learner");
        await TestStore.UserAsync("rc-rec-sum", OtherOrg, "rc.rec.sum@example.test", "learner");
        await TestStore.UserAsync("rc-rec-trainer2", OtherOrg, "rc.rec.trainer2@example.test", "trainer");
        await TestStore.UserAsync("rc-rec-admin2", OtherOrg, "rc.rec.admin2@example.test", "org-admin");

        await TestStore.CourseAsync("rc-rec-c1", Org, topics: 4, AsOf.AddDays(-60), AsOf.AddDays(30), trainerId: "rc-rec-trainer");
        await TestStore.CourseAsync("rc-rec-c2", Org, topics: 2, AsOf.AddDays(-60), AsOf.AddDays(30));
        await TestStore.CourseAsync("rc-rec-c3", OtherOrg, topics: 2, AsOf.AddDays(-60), AsOf.AddDays(30), trainerId: "rc-rec-trainer2");
        await TestStore.EnrolAsync("rc-rec-l1", "rc-rec-c1", AsOf.AddDays(-60));
        await TestStore.EnrolAsync("rc-rec-sum", "rc-rec-c3", AsOf.AddDays(-60));
        for (var i = 1; i <= 10; i++)
        {
            var id = $"rc-rec-s{i:00}";
            await TestStore.UserAsync(id, Org, null, "learner");
            await TestStore.EnrolAsync(id, "rc-rec-c1", AsOf.AddDays(-60));
        }

        await TestStore.ExecuteAsync(
            """
            -- R1: a critical org target for Kotlin (level 3); rc-rec-l1 is at level 1; topic 3 of rc-rec-c1 teaches it.
            INSERT INTO lrs.skills (id, name, category, source) VALUES ('rc-rec-k', 'Kotlin', 'Programming', 'test');
            INSERT INTO lrs.skill_targets (id, organisation_id, skill_id, required_level, business_priority, source)
            VALUES ('rc-rec-st1', 'rc-rec-org', 'rc-rec-k', 3, 'critical', 'test');
            INSERT INTO lrs.user_skills (user_id, skill_id, level, source) VALUES ('rc-rec-l1', 'rc-rec-k', 1, 'test');
            INSERT INTO lrs.topic_skills (topic_id, skill_id, source) VALUES ('rc-rec-c1-t3', 'rc-rec-k', 'test');
            -- R2: an assignment overdue by 3 days and a quiz due in 3 days, neither submitted.
            INSERT INTO lrs.assessments (id, course_id, topic_id, title, kind, due_on, weight, source)
            VALUES ('rc-rec-a1', 'rc-rec-c1', 'rc-rec-c1-t2', NULL, 'assignment', DATE '2025-03-11', 10, 'test'),
                   ('rc-rec-a2', 'rc-rec-c1', NULL, 'Quiz two', 'quiz', DATE '2025-03-17', 10, 'test'),
            -- R3: a quiz of topic 1 scored 50 (threshold 70); topic 1 has a quiz item (its practice item).
                   ('rc-rec-a3', 'rc-rec-c1', 'rc-rec-c1-t1', 'Loops quiz', 'quiz', NULL, 10, 'test');
            INSERT INTO lrs.submissions (id, assessment_id, user_id, submitted_on, attempt, score_pct, source)
            VALUES ('rc-rec-sub1', 'rc-rec-a3', 'rc-rec-l1', DATE '2025-03-04', 1, 50, 'test');
            -- R4: three unopened videos of topic 4 (content effectiveness CE2: completion 0 of 3).
            INSERT INTO lrs.content_items (id, course_id, topic_id, title, type, duration_s, source)
            VALUES ('rc-rec-i1', 'rc-rec-c1', 'rc-rec-c1-t1', 'Loops drill', 'quiz', 600, 'test'),
                   ('rc-rec-v1', 'rc-rec-c1', 'rc-rec-c1-t4', 'Video 1', 'video', 900, 'test'),
                   ('rc-rec-v2', 'rc-rec-c1', 'rc-rec-c1-t4', 'Video 2', 'video', 900, 'test'),
                   ('rc-rec-v3', 'rc-rec-c1', 'rc-rec-c1-t4', 'Video 3', 'video', 900, 'test');
            -- R5/R6: topic 1 completed 20 days ago, nothing since (velocity 33 against a pace of 0.7 units a week).
            INSERT INTO lrs.topic_completions (user_id, topic_id, completed_at, source)
            VALUES ('rc-rec-l1', 'rc-rec-c1-t1', TIMESTAMPTZ '2025-02-22 12:00:00Z', 'test');
            -- R7: two Learner AI rows, one naming the same topic as R1.
            INSERT INTO lrs.recommendations_feed (user_id, item_type, item_id, reason, score, provider, generated_at, source)
            VALUES ('rc-rec-l1', 'course', 'rc-rec-c2', 'Popular with colleagues', 0.9, 'learner-ai', TIMESTAMPTZ '2025-03-10 08:00:00Z', 'test'),
                   ('rc-rec-l1', 'topic', 'rc-rec-c1-t3', 'Next step in rc-rec-c1', 0.55, 'learner-ai', TIMESTAMPTZ '2025-03-10 08:00:00Z', 'test');
            """);

        // rc-rec-sum: feed rows issued −20 (completed topic; course acted on), −3 (untouched assessment), −40 (passed practice), −100 (outside).
        await TestStore.ExecuteAsync(
            """
            INSERT INTO lrs.recommendations_feed (user_id, item_type, item_id, reason, score, provider, generated_at, source)
            VALUES ('rc-rec-sum', 'topic', 'rc-rec-c3-t1', 'r', 0.9, 'rules', TIMESTAMPTZ '2025-02-22 08:00:00Z', 'test'),
                   ('rc-rec-sum', 'course', 'rc-rec-c3', 'r', 0.6, 'learner-ai', TIMESTAMPTZ '2025-02-22 08:00:00Z', 'test'),
                   ('rc-rec-sum', 'assessment', 'rc-rec-a1', 'r', 0.3, 'rules', TIMESTAMPTZ '2025-03-11 08:00:00Z', 'test'),
                   ('rc-rec-sum', 'practice', 'rc-rec-c3-t2', 'r', 0.85, 'rules', TIMESTAMPTZ '2025-02-02 08:00:00Z', 'test'),
                   ('rc-rec-sum', 'skill', 'rc-rec-k', 'r', 0.95, 'rules', TIMESTAMPTZ '2024-12-04 08:00:00Z', 'test');
            INSERT INTO lrs.topic_completions (user_id, topic_id, completed_at, source)
            VALUES ('rc-rec-sum', 'rc-rec-c3-t1', TIMESTAMPTZ '2025-03-04 12:00:00Z', 'test');
            INSERT INTO lrs.activity_days (user_id, course_id, content_item_id, day, events, source)
            VALUES ('rc-rec-sum', 'rc-rec-c3', NULL, DATE '2025-03-09', 5, 'test');
            INSERT INTO lrs.practice_sessions (id, user_id, topic_id, started_at, passed, score_pct, source)
            VALUES ('rc-rec-p1', 'rc-rec-sum', 'rc-rec-c3-t2', TIMESTAMPTZ '2025-02-12 10:00:00Z', true, 90, 'test');
            """);
    }
}
