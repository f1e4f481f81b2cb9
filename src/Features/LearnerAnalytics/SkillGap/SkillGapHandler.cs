using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Database;
using Dapper;
using Mediator;
using Npgsql;

namespace Analytics.Api.Features.LearnerAnalytics.SkillGap;

/// <summary>Reads one learner's targets, levels and the two proxies in one round trip and computes `skill-gap@1.0` on them.</summary>
public sealed class SkillGapHandler(NpgsqlDataSource dataSource, IConfiguration configuration, TimeProvider timeProvider)
    : IQueryHandler<SkillGapQuery, AnalyticResult<SkillGapPayload>>
{
    public async ValueTask<AnalyticResult<SkillGapPayload>> Handle(SkillGapQuery query, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            SubjectContext.UserSql + SqlQueries.Get("SkillGap"), new { userId = query.UserId, now }, cancellationToken: cancellationToken));
        var subject = await SubjectContext.ReadAsync(results);
        var targets = (await results.ReadAsync<SkillGapTarget>()).ToArray();
        var targetCounts = (await results.ReadAsync<SkillGapTargetCount>()).ToArray();
        var precedences = (await results.ReadAsync<SkillGapPrecedence>()).ToArray();

        // The skill-demand analytic (#16) has not landed and its platform-wide max-scaled demand is not a one-subject read
        // (§0.7): marketDemand stays null, the formula uses the neutral demand, and the field is listed in notAvailable.
        var payload = SkillGapCalculator.Compute(
            subject.AsOf, targets, targetCounts, precedences, demandScores: null, SkillGapSettings.From(configuration),
            query.EffectiveCategory, query.EffectiveCriticalOnly)
            with
        { Source = subject.Source };
        return new AnalyticResult<SkillGapPayload>(
            "skill-gap", payload, new AnalyticSubject("learner", query.UserId), now, subject.DataAsOf, subject.Source);
    }
}
