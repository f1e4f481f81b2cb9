using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Errors;
using Mediator;
using Npgsql;

namespace Analytics.Api.Features.LearnerAnalytics.Performance;

/// <summary>
/// Reads the submissions of one learner, or of a batch of learners (the nightly run), in one round trip and computes
/// `performance@1.0` on each learner's rows; a single learner is a batch of one.
/// </summary>
public sealed class PerformanceHandler(NpgsqlDataSource dataSource, IConfiguration configuration, TimeProvider timeProvider)
    : IQueryHandler<PerformanceQuery, AnalyticResult<PerformancePayload>>
{
    public async ValueTask<AnalyticResult<PerformancePayload>> Handle(PerformanceQuery query, CancellationToken cancellationToken) =>
        (await ComputeAsync([query.UserId], query.EffectiveCourseId, cancellationToken))[0].ResultOrThrow();

    /// <summary>The performance of each learner in <paramref name="userIds"/>, in order; an unknown learner is SUBJECT_NOT_FOUND.</summary>
    public async Task<IReadOnlyList<SubjectOutcome<PerformancePayload>>> ComputeAsync(
        IReadOnlyList<string> userIds, string? courseId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var rows = await UserRows.QueryAsync(
            connection,
            SubjectContexts.UsersSql + SqlQueries.Get("Performance"),
            new { userIds = userIds.ToArray(), now, courseId },
            cancellationToken);
        var subjects = await SubjectContexts.ReadAsync(rows);
        var inScope = await rows.UserIdsAsync();
        var submissions = await rows.PerUserAsync<PerformanceSubmission>();
        var skills = await rows.PerUserAsync<PerformanceAssessmentSkill>();
        var settings = PerformanceSettings.From(configuration);

        return SubjectOutcomes.Compute(userIds, subjects, (userId, subject) =>
        {
            // A course the subject has never been enrolled in is out of scope, unknown or not (API.md §3.4).
            if (!inScope.Contains(userId))
            {
                throw Problems.AccessDenied();
            }

            var payload = PerformanceCalculator.Compute(subject.AsOf, [.. submissions[userId]], [.. skills[userId]], settings)
                with
            { Source = subject.Source };
            return new AnalyticResult<PerformancePayload>(
                "performance", payload, new AnalyticSubject("learner", userId), now, subject.DataAsOf, subject.Source);
        });
    }
}
