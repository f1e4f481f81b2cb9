using System.Diagnostics;
using Analytics.Api.Features.TrainerAnalytics.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Observability;
using Dapper;
using Mediator;
using Npgsql;

namespace Analytics.Api.Features.TrainerAnalytics.TeachingEffectiveness;

/// <summary>
/// Resolves the courses (one requested, else every course in the caller's scope; 403 outside it), reads the trainer's and the
/// peer trainers' outcomes in one round trip and computes `teaching-effectiveness@1.0`.
/// </summary>
public sealed class TeachingEffectivenessHandler(
    NpgsqlDataSource dataSource,
    IConfiguration configuration,
    TimeProvider timeProvider,
    PrivacySettings privacy)
    : IQueryHandler<TeachingEffectivenessQuery, AnalyticResult<TeachingEffectivenessPayload>>
{
    public async ValueTask<AnalyticResult<TeachingEffectivenessPayload>> Handle(TeachingEffectivenessQuery query, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var now = timeProvider.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var scope = await TrainerCourseScope.ReadAsync(
            connection, query.TrainerId, query.OrganisationScope, null, privacy, now, cancellationToken);
        var subject = scope.Subject;
        var courseIds = query.CourseId is null
            ? scope.Courses.Select(c => c.Id).ToArray()
            : [scope.ResolveCourse(query.CourseId)!.Id];

        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            SqlQueries.Get("TeachingEffectiveness"),
            new
            {
                trainerId = query.TrainerId,
                organisationId = subject.OrganisationId,
                courseIds,
                asOf = subject.AsOf,
                zone = subject.TimeZone,
                openEndedWindowDays = CourseHealthSettings.From(configuration).OpenEndedWindowDays,
            },
            cancellationToken: cancellationToken));
        var outcomes = (await results.ReadAsync<TrainerOutcome>()).ToArray();
        var improvements = (await results.ReadAsync<double>()).ToArray();
        var skills = await results.ReadSingleAsync<SkillAcquisition>();

        var payload = TeachingEffectivenessCalculator.Compute(
            subject.AsOf,
            outcomes.FirstOrDefault(o => o.TrainerId == query.TrainerId),
            outcomes.Where(o => o.TrainerId != query.TrainerId).ToArray(),
            improvements,
            skills,
            scope.MinGroupSize,
            scope.ProvidesFeedback,
            TeachingEffectivenessSettings.From(configuration));
        AnalyticsTelemetry.ComputeDuration.Record(
            Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("analytic", "teaching-effectiveness"));
        return new AnalyticResult<TeachingEffectivenessPayload>(
            "teaching-effectiveness", payload with { Source = subject.Source }, new AnalyticSubject("trainer", query.TrainerId), now,
            subject.DataAsOf, subject.Source)
        {
            Suppression = payload.Suppressed == true ? TrainerPrivacy.GroupTooSmall(scope.MinGroupSize) : null,
        };
    }
}
