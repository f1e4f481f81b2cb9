using Analytics.Api.Features.Predictive.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Errors;
using Analytics.Api.Shared.Freshness;
using Analytics.Api.Shared.Http;
using Dapper;
using Mediator;
using Npgsql;

namespace Analytics.Api.Features.Predictive.AtRisk;

/// <summary>
/// The at-risk list (API.md §4.4): the cohort's scored enrolments from one set-based evaluation (<see cref="DropOffCohortReader"/>,
/// the same scorer as drop-off risk), filtered by band and minScore, sorted and paged. Opted-out learners are left out and
/// counted. Individual rows the caller may read are not subject to k (API.md §3.5). Only a cohort id is accepted: a learner id
/// is ACCESS_DENIED.
/// </summary>
public sealed class AtRiskHandler(
    NpgsqlDataSource dataSource,
    IConfiguration configuration,
    TimeProvider timeProvider,
    PrivacySettings privacy,
    SnapshotAnalytics snapshotAnalytics,
    SnapshotStore snapshotStore,
    IServiceProvider services,
    DropOffModelStore models)
    : IQueryHandler<AtRiskQuery, AnalyticResult<AtRiskPayload>>
{
    public async ValueTask<AnalyticResult<AtRiskPayload>> Handle(AtRiskQuery query, CancellationToken cancellationToken)
    {
        if (query.SubjectType == CohortSubjects.Learner)
        {
            throw Problems.AccessDenied();
        }

        var now = timeProvider.GetUtcNow();
        var isOrganisation = query.SubjectType == CohortSubjects.OrganisationCohort;
        SubjectContext subject;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        await using (var results = await connection.QueryMultipleAsync(new CommandDefinition(
                         isOrganisation ? SubjectContext.OrganisationSql : SubjectContext.UserSql,
                         new { userId = isOrganisation ? null : query.Id, organisationId = isOrganisation ? query.Id : null, now },
                         cancellationToken: cancellationToken)))
        {
            subject = await SubjectContext.ReadAsync(results);
        }

        var scorer = await DropOffRiskScorer.ForAsync(models, subject.OrganisationId, DropOffRiskSettings.From(configuration), configuration, cancellationToken);
        var engagement = new DropOffEngagementInputs(dataSource, snapshotAnalytics, snapshotStore, services, timeProvider);
        var cohort = await new DropOffCohortReader(dataSource, engagement, privacy).ReadAsync(
            query.SubjectType,
            query.Id,
            subject.AsOf,
            string.IsNullOrEmpty(query.CourseId) ? null : query.CourseId,
            string.IsNullOrEmpty(query.DepartmentId) ? null : query.DepartmentId,
            scorer,
            computeMissingInputs: true,
            cancellationToken);

        var names = cohort.Members.ToDictionary(m => m.UserId, m => m.DisplayName, StringComparer.Ordinal);
        var bands = query.EffectiveBands.ToHashSet(StringComparer.Ordinal);
        var minScore = query.EffectiveMinScore;
        var rows = cohort.ScoredLearners
            .SelectMany(l => AtRiskRows.Of(l, names.GetValueOrDefault(l.UserId, l.UserId)))
            .Where(r => bands.Contains(r.Band) && (minScore is null || r.RiskScore >= minScore))
            .ToArray();
        var page = query.EffectivePage;
        var limit = query.EffectiveLimit;
        var items = AtRiskRows.Sort(rows, query.EffectiveSort).Skip((page - 1) * limit).Take(limit).ToArray();
        var card = scorer.Card(subject.OrganisationId, cohort.ScoredLearners.Sum(l => l.Scored.Count));
        var payload = new AtRiskPayload
        {
            DefinitionVersion = "drop-off-risk@1.0",
            AsOf = subject.AsOf,
            Source = subject.Source,
            DataStatus = cohort.ScoredLearners.Count == 0 ? DataStatuses.NoData : DataStatuses.Ok,
            Items = items,
            Pagination = Pagination.Of(page, limit, rows.Length),
            OptedOutCount = cohort.OptedOutCount,
            Model = DropOffRiskModelCards.Summary(card),
        };
        return new AnalyticResult<AtRiskPayload>(
            AtRiskQuery.Analytic, payload, new AnalyticSubject(query.SubjectType, query.Id), now, subject.DataAsOf, subject.Source);
    }
}
