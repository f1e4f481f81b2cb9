using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Database;
using Dapper;
using Mediator;
using Npgsql;

namespace Analytics.Api.Features.LearnerAnalytics.Engagement;

/// <summary>Reads one learner's engagement rows in one round trip and computes `engagement@1.0` on them.</summary>
public sealed class EngagementHandler(NpgsqlDataSource dataSource, IConfiguration configuration, TimeProvider timeProvider)
    : IQueryHandler<EngagementQuery, AnalyticResult<EngagementPayload>>
{
    public async ValueTask<AnalyticResult<EngagementPayload>> Handle(EngagementQuery query, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            SubjectContext.UserSql + SqlQueries.Get("Engagement"), new { userId = query.UserId, now }, cancellationToken: cancellationToken));
        var subject = await SubjectContext.ReadAsync(results);
        var organisation = await results.ReadSingleAsync<EngagementOrganisation>();
        var inputs = new EngagementInputs(
            subject.AsOf,
            organisation.DurationSource,
            (await results.ReadAsync<EngagementDayRow>()).ToArray(),
            (await results.ReadAsync<EngagementEnrolment>()).ToArray(),
            (await results.ReadAsync<EngagementItemTouch>()).ToArray(),
            (await results.ReadAsync<EngagementTopicTouch>()).ToArray());

        var settings = EngagementSettings.From(configuration, organisation.OrganisationWeights);
        var payload = EngagementCalculator.Compute(inputs, settings, query.EffectiveWindowDays) with { Source = subject.Source };
        return new AnalyticResult<EngagementPayload>(
            "engagement", payload, new AnalyticSubject("learner", query.UserId), now, subject.DataAsOf, subject.Source);
    }
}
