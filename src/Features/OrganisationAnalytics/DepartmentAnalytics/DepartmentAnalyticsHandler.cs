using Analytics.Api.Features.OrganisationAnalytics.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Freshness;
using Dapper;
using Mediator;
using Npgsql;

namespace Analytics.Api.Features.OrganisationAnalytics.DepartmentAnalytics;

/// <summary>
/// Reads the organisation (403 for a department outside it), makes the organisation's member facts current
/// (<see cref="MemberFacts"/>), then aggregates every department's figures in one round trip and computes `department-analytics@1.0`. All departments are read
/// even for one, since its rank and percentile are among all departments with at least k members.
/// </summary>
public sealed class DepartmentAnalyticsHandler(
    NpgsqlDataSource dataSource,
    LearnerSnapshotInputs inputs,
    SnapshotStore snapshots,
    IConfiguration configuration,
    TimeProvider timeProvider,
    PrivacySettings privacy)
    : IQueryHandler<DepartmentAnalyticsQuery, AnalyticResult<DepartmentAnalyticsPayload>>
{
    public async ValueTask<AnalyticResult<DepartmentAnalyticsPayload>> Handle(DepartmentAnalyticsQuery query, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var scope = await OrganisationMembersScope.ReadAsync(
            connection, query.OrganisationId, query.EffectiveDepartment, privacy, now, cancellationToken);
        var subject = scope.Subject;
        var asOf = subject.AsOf;
        await new MemberFacts(dataSource, snapshots, inputs).EnsureAsync(subject, cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            SqlQueries.Get("DepartmentAnalytics"),
            new
            {
                organisationId = query.OrganisationId,
                minGroupSize = scope.MinGroupSize,
            },
            cancellationToken: cancellationToken));
        var departments = (await results.ReadAsync<DepartmentFigures>()).AsList();
        var suppressedSegments = await results.ReadSingleAsync<int>();

        var (payload, suppression) = DepartmentAnalyticsCalculator.Compute(
            new DepartmentAnalyticsInput(query.OrganisationId, asOf, scope.MinGroupSize, scope.DepartmentId, departments, suppressedSegments),
            DepartmentAnalyticsSettings.From(configuration));

        return new AnalyticResult<DepartmentAnalyticsPayload>(
            DepartmentAnalyticsQuery.Analytic, payload with { Source = subject.Source }, new AnalyticSubject("organisation", query.OrganisationId),
            now, subject.DataAsOf, subject.Source)
        {
            Suppression = suppression,
        };
    }
}
