using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Database;
using Dapper;
using Mediator;
using Npgsql;

namespace Analytics.Api.Features.LearnerAnalytics.Velocity;

/// <summary>Reads one learner's progress units in one round trip and computes `velocity@1.0` on them.</summary>
public sealed class VelocityHandler(NpgsqlDataSource dataSource, IConfiguration configuration, TimeProvider timeProvider)
    : IQueryHandler<VelocityQuery, AnalyticResult<VelocityPayload>>
{
    public async ValueTask<AnalyticResult<VelocityPayload>> Handle(VelocityQuery query, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            SubjectContext.UserSql + SqlQueries.Get("Velocity"), new { userId = query.UserId, now }, cancellationToken: cancellationToken));
        var subject = await SubjectContext.ReadAsync(results);
        var hasLearningPath = await results.ReadSingleAsync<bool>();
        var enrolments = (await results.ReadAsync<VelocityEnrolment>()).ToArray();
        var units = (await results.ReadAsync<VelocityUnit>()).ToArray();

        var payload = VelocityCalculator.Compute(
            subject.AsOf, enrolments, units, hasLearningPath, VelocitySettings.From(configuration), query.EffectiveWindow)
            with
        { Source = subject.Source };
        return new AnalyticResult<VelocityPayload>(
            "velocity", payload, new AnalyticSubject("learner", query.UserId), now, subject.DataAsOf, subject.Source);
    }
}
