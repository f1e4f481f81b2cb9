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
/// once. Otherwise makes sure every member has a recent engagement snapshot (<see cref="LearnerSnapshotInputs"/>), then reads the
/// organisation and department rows and the peer benchmark in a second round trip, with asOf and every window as constants, and
/// computes `org-performance@1.0`.
/// </summary>
public sealed class OrgPerformanceHandler(
    NpgsqlDataSource dataSource,
    IConfiguration configuration,
    TimeProvider timeProvider,
    PrivacySettings privacy,
    LearnerSnapshotInputs learnerInputs)
    : IQueryHandler<OrgPerformanceQuery, AnalyticResult<OrgPerformancePayload>>
{
    /// <summary>The learner analytic whose snapshots feed the engagement component.</summary>
    public const string EngagementInput = "engagement";

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
            await learnerInputs.EnsureAsync(query.OrgId, null, [EngagementInput], cancellationToken);
            var (rows, peers) = await ReadAsync(query.OrgId, subject, minGroupSize, now, cancellationToken);
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
        string organisationId, SubjectContext subject, int minGroupSize, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var asOf = subject.AsOf;
        var prevAsOf = asOf.AddDays(-90);
        var prevActiveFrom = prevAsOf.AddDays(-29);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            SqlQueries.Get("OrgPerformance") + SqlQueries.Get("OrgPerformance.Peers"),
            new
            {
                organisationId,
                zone = subject.TimeZone,
                asOf,
                prevAsOf,
                activeFrom = asOf.AddDays(-29),
                prevActiveFrom,
                skillFrom = asOf.AddDays(-89),
                prevSkillFrom = prevAsOf.AddDays(-89),
                yearFrom = asOf.AddDays(-364),
                prevYearFrom = prevAsOf.AddDays(-364),
                // timestamps are dated in each learner's zone: a day of margin either side, the dates are checked after conversion
                windowStart = new DateTimeOffset(prevActiveFrom.AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                windowEnd = new DateTimeOffset(asOf.AddDays(2).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                minGroupSize,
                oldest = now - SnapshotStore.Retention,
            },
            cancellationToken: cancellationToken));
        var rows = (await results.ReadAsync<OrgPerformanceRow>()).AsList();
        var peers = (await results.ReadAsync<double>()).AsList();
        return (rows, peers);
    }
}
