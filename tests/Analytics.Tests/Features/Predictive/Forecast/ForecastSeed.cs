using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.Predictive.Forecast;

/// <summary>Assessments and submissions for forecast scenarios (rows of DATA_MODEL.md §1.3 with source 'test').</summary>
public static class ForecastSeed
{
    /// <summary><paramref name="count"/> test assessments `<courseId>-a1…` of weight 1 and pass threshold 70.</summary>
    public static Task AssessmentsAsync(string courseId, int count) =>
        TestStore.ExecuteAsync(
            """
            INSERT INTO lrs.assessments (id, course_id, kind, weight, pass_threshold_pct, source)
            SELECT @courseId || '-a' || n, @courseId, 'test', 1, 70, 'test' FROM generate_series(1, @count) AS n
            """,
            new { courseId, count });

    /// <summary>An attempt at assessment <paramref name="assessment"/> of the course on <paramref name="day"/>.</summary>
    public static Task SubmitAsync(string userId, string courseId, int assessment, DateOnly day, double score, int attempt = 1) =>
        TestStore.ExecuteAsync(
            """
            INSERT INTO lrs.submissions (id, assessment_id, user_id, submitted_on, attempt, score_pct, source)
            VALUES (@userId || '-' || @courseId || '-a' || @assessment || '-' || @attempt, @courseId || '-a' || @assessment, @userId,
                    @day, @attempt, @score, 'test')
            """,
            new { userId, courseId, assessment, day, score, attempt });
}
