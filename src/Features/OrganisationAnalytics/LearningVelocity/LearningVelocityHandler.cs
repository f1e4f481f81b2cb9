using Analytics.Api.Features.OrganisationAnalytics.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Freshness;
using Dapper;
using Mediator;
using Npgsql;

namespace Analytics.Api.Features.OrganisationAnalytics.LearningVelocity;

/// <summary>
/// Reads the organisation (403 for a department outside it), makes its member facts current (<see cref="MemberFacts"/>), then
/// aggregates them for the organisation or department in one round trip and computes `learning-velocity@1.0`.
/// </summary>
public sealed class LearningVelocityHandler(
    NpgsqlDataSource dataSource,
    LearnerSnapshotInputs inputs,
    SnapshotStore snapshots,
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
        var subject = scope.Subject;
        await new MemberFacts(dataSource, snapshots, inputs).EnsureAsync(subject, cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            SqlQueries.Get("LearningVelocity"),
            new { organisationId = query.OrganisationId, departmentId = scope.DepartmentId, minGroupSize = scope.MinGroupSize },
            cancellationToken: cancellationToken));
        var groups = (await results.ReadAsync<LearningVelocityGroup>()).AsList();
        var completions = await results.ReadSingleOrDefaultAsync<UnitCompletions>() ?? UnitCompletions.None;
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
