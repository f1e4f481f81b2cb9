using Analytics.Api.Features.Comparison.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Database;
using Dapper;
using Mediator;
using Npgsql;

namespace Analytics.Api.Features.Comparison.SkillDemand;

/// <summary>
/// Reads the scope (platform or the caller's organisation) and its k, then every skill's demand signals in one set-based
/// statement with the reader's gap skills, and computes `skill-demand@1.0`.
/// </summary>
public sealed class SkillDemandHandler(NpgsqlDataSource dataSource, IConfiguration configuration, TimeProvider timeProvider, PrivacySettings privacy)
    : IQueryHandler<SkillDemandQuery, AnalyticResult<SkillDemandPayload>>
{
    public async ValueTask<AnalyticResult<SkillDemandPayload>> Handle(SkillDemandQuery query, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var organisationId = query.ScopeOrganisationId;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        SubjectContext subject;
        int minGroupSize;
        await using (var scope = await connection.QueryMultipleAsync(new CommandDefinition(
                         (organisationId is null ? SqlQueries.Get("SkillDemand.Platform") : SubjectContext.OrganisationSql)
                         + SqlQueries.Get("SkillDemand.MinGroupSize"),
                         new { organisationId, now },
                         cancellationToken: cancellationToken)))
        {
            subject = await SubjectContext.ReadAsync(scope);
            minGroupSize = privacy.MinGroupSizeFor(await scope.ReadSingleOrDefaultAsync<int?>());
        }

        var asOf = subject.AsOf;
        var days = query.WindowDays;
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            SqlQueries.Get("SkillDemand"),
            new
            {
                organisationId,
                from = asOf.AddDays(-days + 1),
                asOf,
                previousFrom = asOf.AddDays((-2 * days) + 1),
                previousTo = asOf.AddDays(-days),
                minGroupSize,
                category = query.SkillCategory,
                skillIds = query.SkillIds.ToArray(),
                readerId = query.Reader.LearnerId,
                readerOrganisationId = query.Reader.OrganisationId,
            },
            cancellationToken: cancellationToken));
        var rows = (await results.ReadAsync<SkillDemandInputRow>()).ToArray();
        var gaps = (await results.ReadAsync<string>()).ToHashSet(StringComparer.Ordinal);

        var view = new SkillDemandView(
            query.SkillCategory,
            query.SkillIds,
            query.EffectiveLimit,
            organisationId is null ? "on the platform" : "in your organisation",
            query.EffectiveTimeframe switch { "3months" => "3 months", "1year" => "year", _ => "6 months" },
            gaps,
            query.Reader.LearnerId is not null ? "learner" : query.Reader.OrganisationId is not null ? "organisation" : null);
        var (payload, suppression) = SkillDemandCalculator.Compute(
            asOf,
            rows.Select(r => r.ToInput()).OfType<SkillDemandInput>().ToArray(),
            rows.Select(r => r.SuppressedSkills).FirstOrDefault(),
            minGroupSize,
            SkillDemandSettings.From(configuration),
            view);
        return new AnalyticResult<SkillDemandPayload>(
            SkillDemandQuery.Analytic, payload with { Source = subject.Source }, query.Subject, now, subject.DataAsOf, subject.Source)
        {
            Suppression = suppression,
        };
    }
}
