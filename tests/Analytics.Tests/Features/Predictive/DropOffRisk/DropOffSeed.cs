using System.Text.Json;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.Predictive.DropOffRisk;

/// <summary>Seed helpers of the drop-off scenarios: stated engagement snapshots (E of the rule) and dated activity rows.</summary>
public static class DropOffSeed
{
    /// <summary>
    /// A fresh engagement snapshot for asOf with <paramref name="engagement"/> now and <paramref name="earlier"/> at every earlier
    /// weekly point of `engagementHistory`, so the rule's E is stated by the test (ANALYTICS.md §0.7).
    /// </summary>
    public static Task EngagementAsync(string userId, string organisationId, DateOnly asOf, int engagement, int earlier)
    {
        var history = Enumerable.Range(0, 12)
            .Select(i => new { date = asOf.AddDays(-7 * (11 - i)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), engagement = i == 11 ? engagement : earlier })
            .ToArray();
        var payload = JsonSerializer.Serialize(new
        {
            asOf = asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            overallEngagement = engagement,
            engagementHistory = history,
        });
        return TestStore.ExecuteAsync(
            """
            INSERT INTO analytics.analytics_snapshots
                (subject_type, subject_id, role, analytic, organisation_id, payload, computed_at, data_as_of, source,
                 definition_version, inputs_hash, attempted_at, attempt_status)
            VALUES ('learner', @userId, 'learner', 'engagement', @organisationId, @payload::jsonb, now(), now(), 'test',
                    'engagement@1.0', sha256(convert_to(@userId, 'UTF8')), now(), 'computed')
            ON CONFLICT (subject_type, subject_id, role, analytic) DO UPDATE SET payload = excluded.payload, computed_at = excluded.computed_at
            """,
            new { userId, organisationId, payload });
    }

    /// <summary>A learner of the organisation with a stated engagement.</summary>
    public static async Task LearnerAsync(string userId, string organisationId, DateOnly asOf, int engagement, int earlier, string? email = null)
    {
        await TestStore.UserAsync(userId, organisationId, email, "learner");
        await EngagementAsync(userId, organisationId, asOf, engagement, earlier);
    }

    /// <summary>Events on one content item of the course on a day.</summary>
    public static Task ActivityAsync(string userId, string courseId, string itemId, DateOnly day, int events, int? minutes = null) =>
        TestStore.ExecuteAsync(
            """
            INSERT INTO lrs.activity_days (user_id, course_id, content_item_id, day, events, minutes, source)
            VALUES (@userId, @courseId, @itemId, @day, @events, @minutes, 'test')
            """,
            new { userId, courseId, itemId, day, events, minutes });

    public static Task ContentItemAsync(string id, string courseId, string type) =>
        TestStore.ExecuteAsync(
            "INSERT INTO lrs.content_items (id, course_id, title, type, source) VALUES (@id, @courseId, @id, @type, 'test')",
            new { id, courseId, type });

    public static Task AssessmentAsync(string id, string courseId, DateOnly dueOn) =>
        TestStore.ExecuteAsync(
            "INSERT INTO lrs.assessments (id, course_id, title, kind, due_on, weight, source) VALUES (@id, @courseId, @id, 'assignment', @dueOn, 10, 'test')",
            new { id, courseId, dueOn });

    public static Task SubmissionAsync(string assessmentId, string userId, DateOnly day, double score) =>
        TestStore.ExecuteAsync(
            """
            INSERT INTO lrs.submissions (id, assessment_id, user_id, submitted_on, score_pct, source)
            VALUES (@assessmentId || '-' || @userId, @assessmentId, @userId, @day, @score, 'test')
            """,
            new { assessmentId, userId, day, score });

    public static Task WithdrawAsync(string userId, string courseId, DateOnly day) =>
        TestStore.ExecuteAsync(
            "UPDATE lrs.enrolments SET status = 'withdrawn', withdrawn_on = @day, final_result = 'withdrawn' WHERE user_id = @userId AND course_id = @courseId",
            new { userId, courseId, day });
}
