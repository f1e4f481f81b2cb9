using Analytics.Api.Features.OrganisationAnalytics.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Errors;
using Analytics.Api.Shared.Freshness;
using Dapper;
using Mediator;
using Npgsql;

namespace Analytics.Api.Features.OrganisationAnalytics.LearningCulture;

/// <summary>
/// Computes `learning-culture@1.0` for an organisation or one of its departments: reads the subject (and checks the
/// department), makes the organisation's member facts current (<see cref="MemberFacts"/>), then runs the organisation's statement and the platform
/// benchmark statement concurrently (each set-based, k enforced in SQL) and hands the rows to the pure calculator.
/// </summary>
public sealed class LearningCultureHandler(
    NpgsqlDataSource dataSource,
    IConfiguration configuration,
    TimeProvider timeProvider,
    PrivacySettings privacy,
    LearnerSnapshotInputs inputs,
    SnapshotStore snapshots)
    : IQueryHandler<LearningCultureQuery, AnalyticResult<LearningCulturePayload>>
{
    public async ValueTask<AnalyticResult<LearningCulturePayload>> Handle(LearningCultureQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var now = timeProvider.GetUtcNow();
        SubjectContext subject;
        LearningCultureScope scope;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        await using (var results = await connection.QueryMultipleAsync(new CommandDefinition(
                         SubjectContext.OrganisationSql + SqlQueries.Get("LearningCulture.Scope"),
                         new { organisationId = query.OrganisationId, now, departmentId = query.DepartmentId },
                         cancellationToken: cancellationToken)))
        {
            subject = await SubjectContext.ReadAsync(results);
            scope = await results.ReadSingleAsync<LearningCultureScope>();
        }

        // API.md §3.4: a department outside the organisation, or unknown, is 403 like any out-of-scope parameter.
        if (!scope.DepartmentInScope)
        {
            throw Problems.AccessDenied();
        }

        var minGroupSize = privacy.MinGroupSizeFor(scope.OrganisationMinGroupSize);
        await new MemberFacts(dataSource, snapshots, inputs).EnsureAsync(subject, cancellationToken);

        var asOf = subject.AsOf;
        var facts = ReadFactsAsync(query, subject, minGroupSize, cancellationToken);
        var others = ReadOtherOrganisationsAsync(query.OrganisationId, now, cancellationToken);
        await Task.WhenAll(facts, others);

        var settings = LearningCultureSettings.From(configuration, scope.OrganisationWeights);
        var result = LearningCultureCalculator.Compute(
            new LearningCultureInput(asOf, minGroupSize, await facts, scope.ProvidesContributions, scope.ProvidesMentoring, await others),
            settings);

        return new AnalyticResult<LearningCulturePayload>(
            LearningCultureQuery.Analytic, result.Payload with { Source = subject.Source },
            new AnalyticSubject("organisation", query.OrganisationId), now, subject.DataAsOf, subject.Source)
        {
            Suppression = result.Suppression,
        };
    }

    private async Task<LearningCultureFacts> ReadFactsAsync(
        LearningCultureQuery query, SubjectContext subject, int minGroupSize, CancellationToken cancellationToken)
    {
        var asOf = subject.AsOf;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<LearningCultureFacts>(new CommandDefinition(
            SqlQueries.Get("LearningCulture"),
            new
            {
                organisationId = query.OrganisationId,
                departmentId = query.DepartmentId,
                minGroupSize,
                asOf,
                from30 = asOf.AddDays(-29),
                from90 = asOf.AddDays(-89),
                timeZone = subject.TimeZone,
            },
            cancellationToken: cancellationToken));
    }

    /// <summary>The other organisations' maturity inputs; each is judged against its own k in the statement.</summary>
    private async Task<LearningCultureOrganisation[]> ReadOtherOrganisationsAsync(
        string organisationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<LearningCultureOrganisation>(new CommandDefinition(
            SqlQueries.Get("LearningCulture.Benchmark"),
            new { organisationId, now, minGroupSize = privacy.MinGroupSize },
            cancellationToken: cancellationToken))).ToArray();
    }
}
