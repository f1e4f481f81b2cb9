using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Errors;
using Dapper;
using Mediator;
using Npgsql;

namespace Analytics.Api.Features.LearnerAnalytics.Performance;

/// <summary>Reads one learner's submissions in one round trip and computes `performance@1.0` on them.</summary>
public sealed class PerformanceHandler(NpgsqlDataSource dataSource, IConfiguration configuration, TimeProvider timeProvider)
    : IQueryHandler<PerformanceQuery, AnalyticResult<PerformancePayload>>
{
    public async ValueTask<AnalyticResult<PerformancePayload>> Handle(PerformanceQuery query, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            SubjectContext.UserSql + SqlQueries.Get("Performance"),
            new { userId = query.UserId, now, courseId = query.EffectiveCourseId },
            cancellationToken: cancellationToken));
        var subject = await SubjectContext.ReadAsync(results);

        // A course the subject has never been enrolled in is out of scope, unknown or not (API.md §3.4).
        if (!await results.ReadSingleAsync<bool>())
        {
            throw Problems.AccessDenied();
        }

        var submissions = (await results.ReadAsync<PerformanceSubmission>()).ToArray();
        var skills = (await results.ReadAsync<PerformanceAssessmentSkill>()).ToArray();

        var payload = PerformanceCalculator.Compute(subject.AsOf, submissions, skills, PerformanceSettings.From(configuration))
            with
        { Source = subject.Source };
        return new AnalyticResult<PerformancePayload>(
            "performance", payload, new AnalyticSubject("learner", query.UserId), now, subject.DataAsOf, subject.Source);
    }
}
