using Analytics.Api.Features.TrainerAnalytics.Shared;
using Analytics.Api.Shared.Analytics;
using Mediator;
using Npgsql;

namespace Analytics.Api.Features.TrainerAnalytics.CoursePerformance;

/// <summary>
/// Reads the trainer's courses in scope, then every listed course's facts at asOf and 30 days earlier in one round trip, and
/// computes `course-performance@1.0` (with course health per course).
/// </summary>
public sealed class CoursePerformanceHandler(
    NpgsqlDataSource dataSource,
    IConfiguration configuration,
    TimeProvider timeProvider,
    PrivacySettings privacy)
    : IQueryHandler<CoursePerformanceQuery, AnalyticResult<CoursePerformancePayload>>
{
    public async ValueTask<AnalyticResult<CoursePerformancePayload>> Handle(CoursePerformanceQuery query, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var scope = await TrainerCourseScope.ReadAsync(
            connection, query.TrainerId, query.OrganisationScope, null, privacy, now, cancellationToken);
        var subject = scope.Subject;

        // `status=active` (the default) lists the courses with an active enrolment at asOf; `all` every taught course.
        var courses = scope.Courses
            .Where(c => query.EffectiveStatus == CoursePerformanceQuery.AllCourses || c.ActiveEnrolments > 0)
            .ToArray();
        var settings = CourseHealthSettings.From(configuration);
        var cohort = CohortSettings.From(configuration);
        var data = await CourseHealthReader.ReadAsync(
            connection, courses.Select(c => c.Id).ToArray(), subject, subject.AsOf.AddDays(-CoursePerformanceCalculator.TrendDays),
            settings, cohort, cancellationToken, includeTopics: false);
        // Per-topic facts are the costly read and feed only the recommendations of the two lowest-health courses.
        var quoted = CoursePerformanceCalculator.CoursesQuotedForRecommendations(
            subject.AsOf, courses, data, scope.MinGroupSize, scope.ProvidesFeedback, settings, cohort);
        data = data with { Topics = await CourseHealthReader.ReadTopicsAsync(connection, quoted, subject, settings, cancellationToken) };
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
