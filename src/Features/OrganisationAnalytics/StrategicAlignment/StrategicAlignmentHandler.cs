using Analytics.Api.Features.OrganisationAnalytics.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Errors;
using Dapper;
using Mediator;
using Npgsql;

namespace Analytics.Api.Features.OrganisationAnalytics.StrategicAlignment;

/// <summary>
/// Reads the organisation subject, its KPIs and facts, and the (goal, skill) rows of the whole organisation (or department) in one
/// round trip, then computes `strategic-alignment@1.0`. An unknown department, or one of another organisation, is 403.
/// </summary>
public sealed class StrategicAlignmentHandler(
    NpgsqlDataSource dataSource,
    IConfiguration configuration,
    TimeProvider timeProvider,
    PrivacySettings privacy)
    : IQueryHandler<StrategicAlignmentQuery, AnalyticResult<StrategicAlignmentPayload>>
{
    public async ValueTask<AnalyticResult<StrategicAlignmentPayload>> Handle(StrategicAlignmentQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var now = timeProvider.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            SubjectContext.OrganisationSql + SqlQueries.Get(KpiAchievement.QueryName) + SqlQueries.Get("StrategicAlignment.Facts")
            + SqlQueries.Get("StrategicAlignment"),
            new { organisationId = query.OrgId, departmentId = query.DepartmentId, now, minGroupSize = privacy.MinGroupSize },
            cancellationToken: cancellationToken));
        var subject = await SubjectContext.ReadAsync(results);
        var kpis = (await results.ReadAsync<OrganisationKpi>()).AsList();
        var facts = await results.ReadSingleAsync<AlignmentFacts>();
        var rows = (await results.ReadAsync<AlignmentRow>()).AsList();
        if (!facts.DepartmentKnown)
        {
            throw Problems.AccessDenied();
        }

        var result = StrategicAlignmentCalculator.Compute(
            new StrategicAlignmentInput(
                subject.AsOf, query.DepartmentId, facts.Employees, privacy.MinGroupSizeFor(facts.OrganisationMinGroupSize), kpis, rows),
            AlignmentSettings.From(configuration, facts.OrganisationWeights));

        return new AnalyticResult<StrategicAlignmentPayload>(
            StrategicAlignmentQuery.Analytic, result.Payload with { Source = subject.Source }, new AnalyticSubject("organisation", query.OrgId),
            now, subject.DataAsOf, subject.Source)
        {
            Suppression = result.Suppression,
        };
    }
}
