using Analytics.Api.Features.OrganisationAnalytics.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Freshness;
using Dapper;
using Mediator;
using Npgsql;

namespace Analytics.Api.Features.OrganisationAnalytics.LearningVelocity;

/// <summary>
/// Reads the organisation (403 for a department outside it), makes sure every employee has a learner velocity snapshot, then
/// reads the whole organisation's figures in one round trip and computes `learning-velocity@1.0`.
/// </summary>
public sealed class LearningVelocityHandler(
    NpgsqlDataSource dataSource,
    LearnerSnapshotInputs inputs,
    TimeProvider timeProvider,
    PrivacySettings privacy)
    : IQueryHandler<LearningVelocityQuery, AnalyticResult<LearningVelocityPayload>>
{
    public async ValueTask<AnalyticResult<LearningVelocityPayload>> Handle(LearningVelocityQuery query, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var scope = await OrganisationMembersScope.ReadAsync(
            connection, query.OrganisationId, query.DepartmentId, privacy, now, cancellationToken);
        await inputs.EnsureAsync(query.OrganisationId, scope.DepartmentId, ["velocity"], cancellationToken);

        var subject = scope.Subject;
        var windows = new LearningVelocityWindows(subject.AsOf);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            SqlQueries.Get("LearningVelocity"),
            new
            {
                organisationId = query.OrganisationId,
                departmentId = scope.DepartmentId,
                zone = subject.TimeZone,
                asOf = windows.AsOf,
                activeFrom = windows.ActiveFrom,
                thenFrom = windows.ThenFrom,
                thenTo = windows.ThenTo,
                quarterFrom = windows.QuarterFrom,
                finishedFrom = windows.FinishedFrom,
                yearFrom = windows.YearFrom,
                seriesFrom = windows.SeriesFrom,
                minGroupSize = scope.MinGroupSize,
            },
            cancellationToken: cancellationToken));
        var groups = (await results.ReadAsync<LearningVelocityGroup>()).AsList();
        var completions = (await results.ReadAsync<UnitCompletionDay>()).AsList();
        var timeToSkill = await results.ReadSingleAsync<TimeToSkill>();

        var (payload, suppression) = LearningVelocityCalculator.Compute(
            new LearningVelocityInput(subject.AsOf, scope.MinGroupSize, groups, completions, timeToSkill));

        return new AnalyticResult<LearningVelocityPayload>(
            LearningVelocityQuery.Analytic, payload with { Source = subject.Source }, new AnalyticSubject("organisation", query.OrganisationId),
            now, subject.DataAsOf, subject.Source)
        {
            Suppression = suppression,
        };
    }
}
