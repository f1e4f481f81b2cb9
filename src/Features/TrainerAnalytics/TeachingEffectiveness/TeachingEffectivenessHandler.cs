using Analytics.Api.Features.TrainerAnalytics.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Database;
using Dapper;
using Mediator;
using Microsoft.Extensions.Caching.Hybrid;
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
    PrivacySettings privacy,
    HybridCache cache,
    CacheLifetimes lifetimes)
    : IQueryHandler<TeachingEffectivenessQuery, AnalyticResult<TeachingEffectivenessPayload>>
{
    public async ValueTask<AnalyticResult<TeachingEffectivenessPayload>> Handle(TeachingEffectivenessQuery query, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var scope = await TrainerCourseScope.ReadAsync(
            connection, query.TrainerId, query.OrganisationScope, null, privacy, now, cancellationToken);
        var subject = scope.Subject;
        var courseIds = query.CourseId is null
            ? scope.Courses.Select(c => c.Id).ToArray()
            : [scope.ResolveCourse(query.CourseId)!.Id];

        var openEndedWindowDays = CourseHealthSettings.From(configuration).OpenEndedWindowDays;
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            SqlQueries.Get("TeachingEffectiveness"),
            new
            {
                trainerId = query.TrainerId,
                organisationId = subject.OrganisationId,
                courseIds,
                includePeers = false,
                asOf = subject.AsOf,
                zone = subject.TimeZone,
                openEndedWindowDays,
            },
            cancellationToken: cancellationToken));
        var outcomes = (await results.ReadAsync<TrainerOutcome>()).ToArray();
        var improvements = (await results.ReadAsync<double>()).ToArray();
        var skills = await results.ReadSingleAsync<SkillAcquisition>();

        // Peer outcomes are the same for every trainer of the organisation on a day: one read per (organisation, asOf, zone)
        // for the trainer category's lifetime instead of a pass over the organisation's submissions on every request.
        var peers = await cache.GetOrCreateAsync(
            $"analytics:organisation:{subject.OrganisationId}:trainer:teaching-peers:{subject.AsOf:yyyy-MM-dd}:{subject.TimeZone}:{openEndedWindowDays}",
            (connection, subject, openEndedWindowDays),
            async (state, ct) =>
            {
                await using var peerResults = await state.connection.QueryMultipleAsync(new CommandDefinition(
                    SqlQueries.Get("TeachingEffectiveness"),
                    new
                    {
                        trainerId = string.Empty,
                        organisationId = state.subject.OrganisationId,
                        courseIds = Array.Empty<string>(),
                        includePeers = true,
                        asOf = state.subject.AsOf,
                        zone = state.subject.TimeZone,
                        openEndedWindowDays = state.openEndedWindowDays,
                    },
                    cancellationToken: ct));
                return (await peerResults.ReadAsync<TrainerOutcome>()).ToArray();
            },
            new HybridCacheEntryOptions { Expiration = lifetimes.For(CacheCategory.Trainer), LocalCacheExpiration = lifetimes.For(CacheCategory.Trainer) },
            cancellationToken: cancellationToken);

        var payload = TeachingEffectivenessCalculator.Compute(
            subject.AsOf,
            outcomes.FirstOrDefault(o => o.TrainerId == query.TrainerId),
            peers.Where(o => o.TrainerId != query.TrainerId).ToArray(),
            improvements,
            skills,
            scope.MinGroupSize,
            scope.ProvidesFeedback,
            TeachingEffectivenessSettings.From(configuration));
        return new AnalyticResult<TeachingEffectivenessPayload>(
            "teaching-effectiveness", payload with { Source = subject.Source }, new AnalyticSubject("trainer", query.TrainerId), now,
            subject.DataAsOf, subject.Source)
        {
            Suppression = payload.Suppressed == true ? TrainerPrivacy.GroupTooSmall(scope.MinGroupSize) : null,
        };
    }
}
