using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.LearnerAnalytics.Engagement;

/// <summary>Rows engagement reads that TestStore has no helper for: content items, activity days, sessions, assessments, submissions.</summary>
internal static class EngagementSeed
{
    public static Task ContentItemAsync(string id, string courseId, string type, string? topicId) =>
        TestStore.ExecuteAsync(
            "INSERT INTO lrs.content_items (id, course_id, topic_id, type, source) VALUES (@id, @courseId, @topicId, @type, 'test')",
            new { id, courseId, topicId, type });

    public static Task ActivityAsync(string userId, string courseId, string? itemId, DateOnly day, int events, int? minutes) =>
        TestStore.ExecuteAsync(
            """
            INSERT INTO lrs.activity_days (user_id, course_id, content_item_id, day, events, minutes, source)
            VALUES (@userId, @courseId, @itemId, @day, @events, @minutes, 'test')
            """,
            new { userId, courseId, itemId, day, events, minutes });

    /// <summary>A session started at noon UTC of <paramref name="day"/>.</summary>
    public static Task SessionAsync(string userId, DateOnly day, int minutes) =>
        TestStore.ExecuteAsync(
            """
            INSERT INTO lrs.sessions (user_id, started_at, duration_s, source)
            VALUES (@userId, @day::timestamp AT TIME ZONE 'UTC' + interval '12 hours', @seconds, 'test')
            """,
            new { userId, day, seconds = minutes * 60 });

    public static Task AssessmentAsync(string id, string courseId, string? topicId) =>
        TestStore.ExecuteAsync(
            "INSERT INTO lrs.assessments (id, course_id, topic_id, kind, weight, source) VALUES (@id, @courseId, @topicId, 'quiz', 10, 'test')",
            new { id, courseId, topicId });

    public static Task SubmissionAsync(string id, string assessmentId, string userId, DateOnly day, decimal score) =>
        TestStore.ExecuteAsync(
            """
            INSERT INTO lrs.submissions (id, assessment_id, user_id, submitted_on, score_pct, source)
            VALUES (@id, @assessmentId, @userId, @day, @score, 'test')
            """,
            new { id, assessmentId, userId, day, score });
}
