using Analytics.Api.Features.TrainerAnalytics.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Freshness;
using Mediator;
using Npgsql;

namespace Analytics.Api.Features.TrainerAnalytics.CourseHealth;

/// <summary>Resolves the course (403 outside the caller's scope), reads its facts (<see cref="CourseFacts"/>) and computes `course-health@1.0`.</summary>
public sealed class CourseHealthHandler(
    NpgsqlDataSource dataSource,
    IConfiguration configuration,
    TimeProvider timeProvider,
    PrivacySettings privacy,
    SnapshotStore snapshots)
    : IQueryHandler<CourseHealthQuery, AnalyticResult<CourseHealthPayload>>
{
    public async ValueTask<AnalyticResult<CourseHealthPayload>> Handle(CourseHealthQuery query, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        TrainerScope scope;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            scope = await TrainerCourseScope.ReadAsync(
                connection, query.TrainerId, query.OrganisationScope, null, privacy, now, cancellationToken);
        }

        var course = scope.ResolveCourse(query.CourseId);
        var settings = CourseHealthSettings.From(configuration);
        var subject = scope.Subject;

        CourseHealthPayload payload;
        SuppressionInfo? suppression = null;
        if (course is null)
        {
            payload = CourseHealthCalculator.Empty(subject.AsOf, null, settings);
        }
        else
        {
            var cohort = CohortSettings.From(configuration);
            var data = await new CourseFacts(dataSource, snapshots, timeProvider).ReadAsync([course.Id], subject, settings, cohort, cancellationToken);
            var result = CourseHealthCalculator.Compute(
                new CourseHealthInput(
                    course, data.Outcome(course.Id, subject.AsOf), data.SignalsOf(course.Id, subject.AsOf), data.TopicsOf(course.Id),
                    scope.MinGroupSize, scope.ProvidesFeedback, subject.AsOf),
                settings,
                cohort);
            payload = result.Payload;
            suppression = result.Suppression;
        }

        return new AnalyticResult<CourseHealthPayload>(
            "course-health", payload with { Source = subject.Source }, new AnalyticSubject("trainer", query.TrainerId), now,
            subject.DataAsOf, subject.Source)
        {
            Suppression = suppression,
        };
    }
}
