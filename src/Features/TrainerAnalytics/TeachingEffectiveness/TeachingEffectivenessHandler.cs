using Analytics.Api.Features.TrainerAnalytics.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Freshness;
using Dapper;
using Mediator;
using Microsoft.Extensions.Caching.Hybrid;
using Npgsql;

namespace Analytics.Api.Features.TrainerAnalytics.TeachingEffectiveness;

/// <summary>
/// Resolves the courses (one requested, else every course in the caller's scope; 403 outside it), reads the trainer's outcome and
/// the peer trainers' (from memory, else the organisation's internal snapshot, else the store: <see cref="TeachingPeersPayload"/>)
/// and computes `teaching-effectiveness@1.0`.
/// </summary>
public sealed class TeachingEffectivenessHandler(
    NpgsqlDataSource dataSource,
    IConfiguration configuration,
    TimeProvider timeProvider,
    PrivacySettings privacy,
    HybridCache cache,
    CacheLifetimes lifetimes,
    SnapshotStore snapshots)
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

        // Peer outcomes are the same for every trainer of the organisation at one asOf and data version: kept in memory and as
        // the organisation's internal snapshot, so one trainer's read pays the pass over the organisation's submissions.
        var peers = await cache.GetOrCreateAsync(
            $"analytics:organisation:{subject.OrganisationId}:trainer:{TeachingPeersPayload.Analytic}:{subject.AsOf:yyyy-MM-dd}:"
            + $"{subject.Source}:{subject.DataAsOf?.ToUnixTimeSeconds()}:{openEndedWindowDays}",
            (Handler: this, subject, openEndedWindowDays),
            static (state, ct) => state.Handler.ReadPeersAsync(state.subject, state.openEndedWindowDays, ct),
            new HybridCacheEntryOptions { Expiration = lifetimes.For(CacheCategory.Trainer), LocalCacheExpiration = lifetimes.For(CacheCategory.Trainer) },
            [new RefreshSubject("organisation", subject.OrganisationId, RoleFamilies.Trainer).CacheTag],
            cancellationToken);

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
            Suppression = payload.Suppressed == true ? SuppressionInfo.WholeGroup(scope.MinGroupSize) : null,
        };
    }

    /// <summary>The organisation's stored peer outcomes when their inputs are unchanged, else computed and stored.</summary>
    private async ValueTask<IReadOnlyList<TrainerOutcome>> ReadPeersAsync(SubjectContext subject, int openEndedWindowDays, CancellationToken cancellationToken)
    {
        var key = new SnapshotKey("organisation", subject.OrganisationId, RoleFamilies.Trainer, TeachingPeersPayload.Analytic);
        var inputsHash = snapshots.InputsHash(TeachingPeersPayload.Version, subject.AsOf, subject.Source, subject.DataAsOf);
        var stored = await snapshots.ReadCurrentAsync<TeachingPeersPayload>(
            key.SubjectType, key.Role, key.Analytic, [key.SubjectId], inputsHash, cancellationToken);
        if (stored.TryGetValue(key.SubjectId, out var kept))
        {
            return kept.Outcomes;
        }

        var started = timeProvider.GetTimestamp();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            SqlQueries.Get("TeachingEffectiveness"),
            new
            {
                trainerId = string.Empty,
                organisationId = subject.OrganisationId,
                courseIds = Array.Empty<string>(),
                includePeers = true,
                asOf = subject.AsOf,
                zone = subject.TimeZone,
                openEndedWindowDays,
            },
            cancellationToken: cancellationToken));
        var outcomes = (await results.ReadAsync<TrainerOutcome>()).ToArray();
        var computed = new AnalyticResult<TeachingPeersPayload>(
            TeachingPeersPayload.Analytic,
            new TeachingPeersPayload { DefinitionVersion = TeachingPeersPayload.Version, AsOf = subject.AsOf, Source = subject.Source, Outcomes = outcomes },
            new AnalyticSubject(key.SubjectType, key.SubjectId),
            timeProvider.GetUtcNow(),
            subject.DataAsOf,
            subject.Source);
        await snapshots.WriteAsync(
            [new SnapshotWrite(key, computed, (int)timeProvider.GetElapsedTime(started).TotalMilliseconds, null)], cancellationToken);
        return outcomes;
    }
}
