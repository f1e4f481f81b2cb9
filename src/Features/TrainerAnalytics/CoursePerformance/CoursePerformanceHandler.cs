using Analytics.Api.Features.TrainerAnalytics.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Freshness;
using Mediator;
using Npgsql;

namespace Analytics.Api.Features.TrainerAnalytics.CoursePerformance;

/// <summary>
/// Reads the trainer's courses in scope, then every listed course's facts at asOf and 30 days earlier (<see cref="CourseFacts"/>), and
/// computes `course-performance@1.0` (with course health per course).
/// </summary>
public sealed class CoursePerformanceHandler(
    NpgsqlDataSource dataSource,
    IConfiguration configuration,
    TimeProvider timeProvider,
    PrivacySettings privacy,
    SnapshotStore snapshots)
    : IQueryHandler<CoursePerformanceQuery, AnalyticResult<CoursePerformancePayload>>
{
    public async ValueTask<AnalyticResult<CoursePerformancePayload>> Handle(CoursePerformanceQuery query, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        TrainerScope scope;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            scope = await TrainerCourseScope.ReadAsync(
                connection, query.TrainerId, query.OrganisationScope, null, privacy, now, cancellationToken);
        }

        var subject = scope.Subject;

        // `status=active` (the default) lists the courses with an active enrolment at asOf; `all` every taught course.
        var courses = scope.Courses
            .Where(c => query.EffectiveStatus == CoursePerformanceQuery.AllCourses || c.ActiveEnrolments > 0)
            .ToArray();
        var courseIds = courses.Select(c => c.Id).ToArray();
        var settings = CourseHealthSettings.From(configuration);
        var cohort = CohortSettings.From(configuration);

        // The courses' facts (both days, topics) are shared with course health and the other trainers of each course.
        var data = await new CourseFacts(dataSource, snapshots, timeProvider).ReadAsync(courseIds, subject, settings, cohort, cancellationToken);
        // Per-topic facts feed only the recommendations of the two lowest-health courses.
        var quoted = CoursePerformanceCalculator.CoursesQuotedForRecommendations(
            subject.AsOf, courses, data, scope.MinGroupSize, scope.ProvidesFeedback, settings, cohort);
        data = data with { Topics = data.Topics.Where(t => quoted.Contains(t.CourseId)).ToArray() };
        var (payload, suppression) = courses.Length == 0
            ? (CoursePerformanceCalculator.Empty(subject.AsOf), null)
            : CoursePerformanceCalculator.Compute(subject.AsOf, courses, data, scope.MinGroupSize, scope.ProvidesFeedback, settings, cohort);

        return new AnalyticResult<CoursePerformancePayload>(
            "course-performance", payload with { Source = subject.Source }, new AnalyticSubject("trainer", query.TrainerId), now,
            subject.DataAsOf, subject.Source)
        {
            Suppression = suppression,
        };
    }
}
