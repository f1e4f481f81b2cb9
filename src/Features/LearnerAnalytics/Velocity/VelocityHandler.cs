using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Database;
using Mediator;
using Npgsql;

namespace Analytics.Api.Features.LearnerAnalytics.Velocity;

/// <summary>
/// Reads the progress units of one learner, or of a batch of learners (the nightly run), in one round trip and computes
/// `velocity@1.0` on each learner's rows; a single learner is a batch of one.
/// </summary>
public sealed class VelocityHandler(NpgsqlDataSource dataSource, IConfiguration configuration, TimeProvider timeProvider)
    : IQueryHandler<VelocityQuery, AnalyticResult<VelocityPayload>>
{
    public async ValueTask<AnalyticResult<VelocityPayload>> Handle(VelocityQuery query, CancellationToken cancellationToken) =>
        (await ComputeAsync([query.UserId], query.EffectiveWindow, cancellationToken))[0].ResultOrThrow();

    /// <summary>Velocity of each learner in <paramref name="userIds"/>, in order; an unknown learner is SUBJECT_NOT_FOUND.</summary>
    public async Task<IReadOnlyList<SubjectOutcome<VelocityPayload>>> ComputeAsync(
        IReadOnlyList<string> userIds, string window, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var rows = await UserRows.QueryAsync(
            connection, SubjectContexts.UsersSql + SqlQueries.Get("Velocity"), new { userIds = userIds.ToArray(), now }, cancellationToken);
        var subjects = await SubjectContexts.ReadAsync(rows);
        var withLearningPath = await rows.UserIdsAsync();
        var enrolments = await rows.PerUserAsync<VelocityEnrolment>();
        var units = await rows.PerUserAsync<VelocityUnit>();
        var settings = VelocitySettings.From(configuration);

        return SubjectOutcomes.Compute(userIds, subjects, (userId, subject) =>
        {
            var payload = VelocityCalculator.Compute(
                subject.AsOf, [.. enrolments[userId]], [.. units[userId]], withLearningPath.Contains(userId), settings, window)
                with
            { Source = subject.Source };
            return new AnalyticResult<VelocityPayload>(
                "velocity", payload, new AnalyticSubject("learner", userId), now, subject.DataAsOf, subject.Source);
        });
    }
}
