using Analytics.Api.Features.OrganisationAnalytics.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Freshness;
using Dapper;
using Mediator;
using Npgsql;

namespace Analytics.Api.Features.OrganisationAnalytics.OrgPerformance;

/// <summary>
/// Reads the organisation subject, its KPIs and facts (one round trip); below k employees answers the suppressed response at
/// once. Otherwise makes the organisation's member facts current (<see cref="MemberFacts"/>), then aggregates them into the
/// organisation and department rows and reads the peer benchmark in a second round trip, and computes `org-performance@1.0`.
/// </summary>
public sealed class OrgPerformanceHandler(
    NpgsqlDataSource dataSource,
    IConfiguration configuration,
    TimeProvider timeProvider,
    PrivacySettings privacy,
    LearnerSnapshotInputs learnerInputs,
    SnapshotStore snapshots)
    : IQueryHandler<OrgPerformanceQuery, AnalyticResult<OrgPerformancePayload>>
{
    public async ValueTask<AnalyticResult<OrgPerformancePayload>> Handle(OrgPerformanceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var now = timeProvider.GetUtcNow();
        SubjectContext subject;
        List<OrganisationKpi> kpis;
        OrgPerformanceFacts facts;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
                SubjectContext.OrganisationSql + SqlQueries.Get(KpiAchievement.QueryName) + SqlQueries.Get("OrgPerformance.Facts"),
                new { organisationId = query.OrgId, now },
                cancellationToken: cancellationToken));
            subject = await SubjectContext.ReadAsync(results);
            kpis = (await results.ReadAsync<OrganisationKpi>()).AsList();
            facts = await results.ReadSingleAsync<OrgPerformanceFacts>();
        }

        var minGroupSize = privacy.MinGroupSizeFor(facts.OrganisationMinGroupSize);
        var settings = OrgPerformanceSettings.From(configuration, facts.OrganisationWeights);
        OrgPerformanceResult result;
        if (facts.Employees < minGroupSize)
        {
            result = new OrgPerformanceResult(
                OrgPerformanceCalculator.Suppressed(subject.AsOf, minGroupSize),
                SuppressionInfo.WholeGroup(minGroupSize));
        }
        else
        {
            await new MemberFacts(dataSource, snapshots, learnerInputs).EnsureAsync(subject, cancellationToken);
            var (rows, peers) = await ReadAsync(query.OrgId, minGroupSize, now, cancellationToken);
            result = OrgPerformanceCalculator.Compute(
                new OrgPerformanceInput(subject.AsOf, facts.Employees, minGroupSize, kpis, rows, peers), settings);
        }

        return new AnalyticResult<OrgPerformancePayload>(
            OrgPerformanceQuery.Analytic, result.Payload with { Source = subject.Source }, new AnalyticSubject("organisation", query.OrgId),
            now, subject.DataAsOf, subject.Source)
        {
            Suppression = result.Suppression,
        };
    }

    private async Task<(List<OrgPerformanceRow> Rows, List<double> Peers)> ReadAsync(
        string organisationId, int minGroupSize, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            SqlQueries.Get("OrgPerformance") + SqlQueries.Get("OrgPerformance.Peers"),
            new
            {
                organisationId,
                minGroupSize,
                oldest = now - SnapshotStore.Retention,
            },
            cancellationToken: cancellationToken));
        var rows = (await results.ReadAsync<OrgPerformanceRow>()).AsList();
        var peers = (await results.ReadAsync<double>()).AsList();
        return (rows, peers);
    }
}
