using Analytics.Api.Features.Comparison.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Database;
using Dapper;
using Mediator;
using Microsoft.Extensions.Caching.Hybrid;
using Npgsql;

namespace Analytics.Api.Features.Comparison.SkillDemand;

/// <summary>
/// Reads the scope (platform or the caller's organisation) and its k, then every skill's demand signals in one set-based
/// statement, and the reader's gap skills, and computes `skill-demand@1.0`. The demand rows are the same for every reader of a
/// scope and filter, so they are kept in memory for the skill-demand lifetime (24 h, keyed by asOf and the data version); only
/// the reader's gaps are read per reader.
/// </summary>
public sealed class SkillDemandHandler(
    NpgsqlDataSource dataSource, IConfiguration configuration, TimeProvider timeProvider, PrivacySettings privacy, HybridCache cache, CacheLifetimes lifetimes)
    : IQueryHandler<SkillDemandQuery, AnalyticResult<SkillDemandPayload>>
{
    public async ValueTask<AnalyticResult<SkillDemandPayload>> Handle(SkillDemandQuery query, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var organisationId = query.ScopeOrganisationId;
        SubjectContext subject;
        int minGroupSize;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        await using (var scope = await connection.QueryMultipleAsync(new CommandDefinition(
                         (organisationId is null ? SqlQueries.Get("SkillDemand.Platform") : SubjectContext.OrganisationSql)
                         + SqlQueries.Get("SkillDemand.MinGroupSize"),
                         new { organisationId, now },
                         cancellationToken: cancellationToken)))
        {
            subject = await SubjectContext.ReadAsync(scope);
            minGroupSize = privacy.MinGroupSizeFor(await scope.ReadSingleOrDefaultAsync<int?>());
        }

        var lifetime = lifetimes.For(CacheCategory.SkillDemand);
        var rows = await cache.GetOrCreateAsync(
            $"analytics:{query.Subject.Type}:{query.Subject.Id}:any:skill-demand-rows:{subject.AsOf:yyyy-MM-dd}:{subject.DataAsOf?.ToUnixTimeSeconds()}:"
            + $"{query.EffectiveTimeframe}:{query.SkillCategory}:{string.Join(',', query.SkillIds.Order(StringComparer.Ordinal))}:{minGroupSize}",
            (Handler: this, query, subject.AsOf, minGroupSize),
            static (state, ct) => state.Handler.ReadRowsAsync(state.query, state.AsOf, state.minGroupSize, ct),
            new HybridCacheEntryOptions { Expiration = lifetime, LocalCacheExpiration = lifetime },
            [nameof(CacheCategory.SkillDemand)],
            cancellationToken);
        var gaps = await ReadGapsAsync(query.Reader, cancellationToken);

        var view = new SkillDemandView(
            query.SkillCategory,
            query.SkillIds,
            query.EffectiveLimit,
            organisationId is null ? "on the platform" : "in your organisation",
            query.EffectiveTimeframe switch { "3months" => "3 months", "1year" => "year", _ => "6 months" },
            gaps,
            query.Reader.LearnerId is not null ? "learner" : query.Reader.OrganisationId is not null ? "organisation" : null);
        var (payload, suppression) = SkillDemandCalculator.Compute(
            subject.AsOf,
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

    private async ValueTask<SkillDemandInputRow[]> ReadRowsAsync(SkillDemandQuery query, DateOnly asOf, int minGroupSize, CancellationToken cancellationToken)
    {
        var days = query.WindowDays;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<SkillDemandInputRow>(new CommandDefinition(
            SqlQueries.Get("SkillDemand"),
            new
            {
                organisationId = query.ScopeOrganisationId,
                from = asOf.AddDays(-days + 1),
                asOf,
                previousFrom = asOf.AddDays((-2 * days) + 1),
                previousTo = asOf.AddDays(-days),
                minGroupSize,
                category = query.SkillCategory,
                skillIds = query.SkillIds.ToArray(),
            },
            cancellationToken: cancellationToken))).ToArray();
    }

    private async Task<IReadOnlySet<string>> ReadGapsAsync(SkillDemandReader reader, CancellationToken cancellationToken)
    {
        if (reader.LearnerId is null && reader.OrganisationId is null)
        {
            return new HashSet<string>();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(
                SqlQueries.Get("SkillDemand.ReaderGaps"),
                new { readerId = reader.LearnerId, readerOrganisationId = reader.OrganisationId },
                cancellationToken: cancellationToken)))
            .ToHashSet(StringComparer.Ordinal);
    }
}
