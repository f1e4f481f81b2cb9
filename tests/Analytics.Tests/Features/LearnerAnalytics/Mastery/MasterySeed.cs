using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.LearnerAnalytics.Mastery;

/// <summary>Rows the mastery scenarios need that <see cref="TestStore"/> has no helper for (DATA_MODEL.md §1.3–§1.5).</summary>
public static class MasterySeed
{
    public static Task SkillAsync(string id, string name, string? category) =>
        TestStore.ExecuteAsync(
            "INSERT INTO lrs.skills (id, name, category, source) VALUES (@id, @name, @category, 'test')",
            new { id, name, category });

    public static Task TargetAsync(string organisationId, string skillId, int requiredLevel = 3) =>
        TestStore.ExecuteAsync(
            """
            INSERT INTO lrs.skill_targets (id, organisation_id, department_id, skill_id, required_level, business_priority, source)
            VALUES (@organisationId || '-' || @skillId, @organisationId, NULL, @skillId, @requiredLevel, 'medium', 'test')
            """,
            new { organisationId, skillId, requiredLevel });

    public static Task LevelAsync(string userId, string skillId, int level, DateOnly? acquiredOn = null) =>
        TestStore.ExecuteAsync(
            """
            INSERT INTO lrs.user_skills (user_id, skill_id, level, acquired, acquired_on, source)
            VALUES (@userId, @skillId, @level, @acquired, @acquiredOn, 'test')
            """,
            new { userId, skillId, level, acquired = acquiredOn is not null, acquiredOn });

    public static Task TopicTeachesAsync(string courseId, int topic, string skillId) =>
        TestStore.ExecuteAsync(
            "INSERT INTO lrs.topic_skills (topic_id, skill_id, source) VALUES (@courseId || '-t' || @topic, @skillId, 'test')",
            new { courseId, topic, skillId });

    /// <summary>A quiz on topic <paramref name="topic"/> of the course, submitted once with <paramref name="scorePct"/>.</summary>
    public static Task ScoredQuizAsync(string id, string userId, string courseId, int topic, double scorePct, DateOnly submittedOn) =>
        TestStore.ExecuteAsync(
            """
            INSERT INTO lrs.assessments (id, course_id, topic_id, kind, source) VALUES (@id, @courseId, @courseId || '-t' || @topic, 'quiz', 'test');
            INSERT INTO lrs.submissions (id, assessment_id, user_id, submitted_on, score_pct, source)
            VALUES (@id || '-' || @userId, @id, @userId, @submittedOn, @scorePct, 'test');
            """,
            new { id, userId, courseId, topic, scorePct, submittedOn });

    /// <summary>A practice session for a skill at noon UTC of <paramref name="day"/>.</summary>
    public static Task PracticeAsync(string id, string userId, string skillId, bool passed, DateOnly day) =>
        TestStore.ExecuteAsync(
            """
            INSERT INTO lrs.practice_sessions (id, user_id, skill_id, started_at, passed, source)
            VALUES (@id, @userId, @skillId, @day::timestamp + interval '12 hours', @passed, 'test')
            """,
            new { id, userId, skillId, passed, day });

    /// <summary>A learning path of the user over the given topics of a <see cref="TestStore.CourseAsync"/> course.</summary>
    public static Task PathAsync(string id, string userId, string title, string courseId, params int[] topics) =>
        TestStore.ExecuteAsync(
            """
            INSERT INTO lrs.learning_paths (id, user_id, title, created_at, source) VALUES (@id, @userId, @title, now(), 'test');
            INSERT INTO lrs.learning_path_topics (path_id, position, topic_id, source)
            SELECT @id, n - 1, @courseId || '-t' || topics[n], 'test' FROM (SELECT @topics AS topics) AS p, generate_subscripts(@topics, 1) AS n;
            """,
            new { id, userId, title, courseId, topics });
}
