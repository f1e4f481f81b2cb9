using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.LearnerAnalytics.ContentEffectiveness;

/// <summary>Content, activity and assessment rows that <see cref="TestStore"/> has no helper for (DATA_MODEL.md §1.1–§1.3).</summary>
public static class ContentEffectivenessSeed
{
    /// <summary>A content item of a <see cref="TestStore.CourseAsync"/> course, on topic <paramref name="topic"/> or none.</summary>
    public static Task ItemAsync(string id, string courseId, int? topic, string type, string? creationMethod, int? durationSeconds, string? title = null) =>
        TestStore.ExecuteAsync(
            """
            INSERT INTO lrs.content_items (id, course_id, topic_id, title, type, creation_method, duration_s, source)
            VALUES (@id, @courseId, CASE WHEN @topic::integer IS NULL THEN NULL ELSE @courseId || '-t' || @topic END,
                    @title, @type, @creationMethod, @durationSeconds, 'test')
            """,
            new { id, courseId, topic, type, creationMethod, durationSeconds, title });

    /// <summary>One activity_days row, creating the month partition first when the store has none for that day.</summary>
    public static async Task ActivityAsync(string userId, string courseId, string itemId, DateOnly day, int events, int? minutes)
    {
        var month = new DateOnly(day.Year, day.Month, 1);
        await TestStore.ExecuteAsync("SELECT ops.ensure_month_partitions('lrs.activity_days'::regclass, @month, @month)", new { month });
        await TestStore.ExecuteAsync(
            """
            INSERT INTO lrs.activity_days (user_id, course_id, content_item_id, day, events, minutes, source)
            VALUES (@userId, @courseId, @itemId, @day, @events, @minutes, 'test')
            """,
            new { userId, courseId, itemId, day, events, minutes });
    }

    public static Task AssessmentAsync(string id, string courseId, int? topic) =>
        TestStore.ExecuteAsync(
            """
            INSERT INTO lrs.assessments (id, course_id, topic_id, kind, source)
            VALUES (@id, @courseId, CASE WHEN @topic::integer IS NULL THEN NULL ELSE @courseId || '-t' || @topic END, 'quiz', 'test')
            """,
            new { id, courseId, topic });

    public static Task SubmissionAsync(string assessmentId, string userId, int attempt, DateOnly submittedOn, double scorePct) =>
        TestStore.ExecuteAsync(
            """
            INSERT INTO lrs.submissions (id, assessment_id, user_id, submitted_on, attempt, score_pct, source)
            VALUES (@assessmentId || '-' || @userId || '-' || @attempt, @assessmentId, @userId, @submittedOn, @attempt, @scorePct, 'test')
            """,
            new { assessmentId, userId, attempt, submittedOn, scorePct });
}
