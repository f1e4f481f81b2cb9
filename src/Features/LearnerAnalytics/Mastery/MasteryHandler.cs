using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Errors;
using Dapper;
using Mediator;
using Npgsql;

namespace Analytics.Api.Features.LearnerAnalytics.Mastery;

/// <summary>Reads one learner's target skills, levels and evidence in one round trip and computes `mastery@1.0` on them.</summary>
public sealed class MasteryHandler(NpgsqlDataSource dataSource, IConfiguration configuration, TimeProvider timeProvider)
    : IQueryHandler<MasteryQuery, AnalyticResult<MasteryPayload>>
{
    public async ValueTask<AnalyticResult<MasteryPayload>> Handle(MasteryQuery query, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var settings = MasterySettings.From(configuration);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            SubjectContext.UserSql + SqlQueries.Get("Mastery"),
            new { userId = query.UserId, now, scorePct = settings.ScorePct },
            cancellationToken: cancellationToken));
        var subject = await SubjectContext.ReadAsync(results);
        var inputs = new MasteryInputs(
            (await results.ReadAsync<MasteryPathRow>()).ToArray(),
            (await results.ReadAsync<MasteryPathSkill>()).ToArray(),
            (await results.ReadAsync<MasteryPathTopic>()).ToArray(),
            (await results.ReadAsync<MasteryEnrolmentSkill>()).ToArray(),
            (await results.ReadAsync<string>()).ToArray(),
            (await results.ReadAsync<MasterySkillFact>()).ToArray(),
            (await results.ReadAsync<MasteryEvidence>()).ToArray());

        // A pathId that is not one of the subject's paths is outside the caller's scope, like an unknown courseId (API.md §3.4).
        if (query.EffectivePathId is { } pathId && !inputs.Paths.Any(p => p.PathId == pathId))
        {
            throw Problems.AccessDenied();
        }

        var payload = MasteryCalculator.Compute(subject.AsOf, inputs, settings, query.EffectivePathId) with { Source = subject.Source };
        return new AnalyticResult<MasteryPayload>(
            "mastery", payload, new AnalyticSubject("learner", query.UserId), now, subject.DataAsOf, subject.Source);
    }
}
