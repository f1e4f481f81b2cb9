using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.LearnerAnalytics.Performance;

/// <summary>Rows performance reads that TestStore has no helper for: assessments, submissions and skills.</summary>
internal static class PerformanceSeed
{
    public static Task AssessmentAsync(string id, string courseId, string? topicId, decimal weight, string kind = "quiz", decimal threshold = 70) =>
        TestStore.ExecuteAsync(
            """
            INSERT INTO lrs.assessments (id, course_id, topic_id, kind, weight, pass_threshold_pct, source)
            VALUES (@id, @courseId, @topicId, @kind, @weight, @threshold, 'test')
            """,
            new { id, courseId, topicId, kind, weight, threshold });

    public static Task SubmissionAsync(string id, string assessmentId, string userId, DateOnly day, decimal? score, int attempt = 1, bool banked = false) =>
        TestStore.ExecuteAsync(
            """
            INSERT INTO lrs.submissions (id, assessment_id, user_id, submitted_on, attempt, score_pct, time_spent_s, is_banked, source)
            VALUES (@id, @assessmentId, @userId, @day, @attempt, @score, 1500, @banked, 'test')
            """,
            new { id, assessmentId, userId, day, attempt = (short)attempt, score, banked });

    public static Task SkillAsync(string id, string name) =>
        TestStore.ExecuteAsync("INSERT INTO lrs.skills (id, name, source) VALUES (@id, @name, 'test')", new { id, name });

    public static Task TopicSkillAsync(string topicId, string skillId) =>
        TestStore.ExecuteAsync("INSERT INTO lrs.topic_skills (topic_id, skill_id, source) VALUES (@topicId, @skillId, 'test')", new { topicId, skillId });

    public static Task CourseSkillAsync(string courseId, string skillId) =>
        TestStore.ExecuteAsync("INSERT INTO lrs.course_skills (course_id, skill_id, source) VALUES (@courseId, @skillId, 'test')", new { courseId, skillId });
}
