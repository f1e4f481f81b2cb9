using Analytics.Api.Features.TrainerAnalytics.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Database;
using Dapper;
using Mediator;
using Npgsql;

namespace Analytics.Api.Features.TrainerAnalytics.StudentDistribution;

/// <summary>
/// Resolves the course and module (403 outside the caller's scope), reads the course's scores and cohort signals in one round
/// trip and computes `student-distribution@1.0` over the learners of the requested segment.
/// </summary>
public sealed class StudentDistributionHandler(
    NpgsqlDataSource dataSource,
    IConfiguration configuration,
    TimeProvider timeProvider,
    PrivacySettings privacy)
    : IQueryHandler<StudentDistributionQuery, AnalyticResult<StudentDistributionPayload>>
{
    public async ValueTask<AnalyticResult<StudentDistributionPayload>> Handle(StudentDistributionQuery query, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var scope = await TrainerCourseScope.ReadAsync(
            connection, query.TrainerId, query.OrganisationScope, query.ModuleId, privacy, now, cancellationToken);
        var course = scope.ResolveCourse(query.CourseId);
        scope.EnsureModuleOf(course, query.ModuleId);
        var subject = scope.Subject;

        StudentDistributionPayload payload;
        if (course is null)
        {
            payload = StudentDistributionCalculator.Empty(subject.AsOf, null);
        }
        else
        {
            var settings = CourseHealthSettings.From(configuration);
            var cohort = CohortSettings.From(configuration);
            await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
                SqlQueries.Get("CohortSignals") + SqlQueries.Get("StudentDistribution"),
                new
                {
                    courseIds = new[] { course.Id },
                    courseId = course.Id,
                    moduleId = query.ModuleId,
                    asOf = subject.AsOf,
                    earlierAsOf = subject.AsOf,
                    openEndedWindowDays = settings.OpenEndedWindowDays,
                    milestoneWeight = cohort.MilestoneWeight,
                    minDaysSinceStart = cohort.MinDaysSinceStart,
                },
                cancellationToken: cancellationToken));
            var signals = (await results.ReadAsync<CohortSignal>()).ToArray();
            var scores = (await results.ReadAsync<LearnerCourseScore>()).ToArray();
            var passThreshold = await results.ReadSingleAsync<double?>() ?? StudentDistributionCalculator.DefaultPassThreshold;

            var population = scores.Where(s => InBucket(s.Attempts, query.AttemptsBucket)).ToArray();
            var members = population.Select(s => s.UserId).ToHashSet(StringComparer.Ordinal);
            var filtered = query.ModuleId is not null || query.AttemptsBucket is not null;
            var atRisk = CohortSignalCalculator.AtRiskCount(signals.Where(s => !filtered || members.Contains(s.UserId)), cohort);
            payload = StudentDistributionCalculator.Compute(
                subject.AsOf, course, population.Select(s => s.Score).ToArray(), passThreshold, atRisk, scope.MinGroupSize);
        }

        return new AnalyticResult<StudentDistributionPayload>(
            "student-distribution", payload with { Source = subject.Source }, new AnalyticSubject("trainer", query.TrainerId), now,
            subject.DataAsOf, subject.Source)
        {
            Suppression = payload.Suppressed == true ? SuppressionInfo.WholeGroup(scope.MinGroupSize) : null,
        };
    }

    /// <summary>[d] A learner's attempts bucket is the most attempts they made at one assessment in scope: 1, 2, 3 or 4plus.</summary>
    private static bool InBucket(int attempts, string? bucket) => bucket switch
    {
        null => true,
        "4plus" => attempts >= 4,
        _ => attempts.ToString(System.Globalization.CultureInfo.InvariantCulture) == bucket,
    };
}
