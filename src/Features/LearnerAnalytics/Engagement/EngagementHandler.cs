using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Database;
using Mediator;
using Npgsql;

namespace Analytics.Api.Features.LearnerAnalytics.Engagement;

/// <summary>
/// Reads the engagement rows of one learner, or of a batch of learners (the nightly run), in one round trip and computes
/// `engagement@1.0` on each learner's rows; a single learner is a batch of one.
/// </summary>
public sealed class EngagementHandler(NpgsqlDataSource dataSource, IConfiguration configuration, TimeProvider timeProvider)
    : IQueryHandler<EngagementQuery, AnalyticResult<EngagementPayload>>
{
    public async ValueTask<AnalyticResult<EngagementPayload>> Handle(EngagementQuery query, CancellationToken cancellationToken) =>
        (await ComputeAsync([query.UserId], query.EffectiveWindowDays, cancellationToken))[0].ResultOrThrow();

    /// <summary>The engagement of each learner in <paramref name="userIds"/>, in order; an unknown learner is SUBJECT_NOT_FOUND.</summary>
    public async Task<IReadOnlyList<SubjectOutcome<EngagementPayload>>> ComputeAsync(
        IReadOnlyList<string> userIds, int windowDays, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var rows = await UserRows.QueryAsync(
            connection, SubjectContexts.UsersSql + SqlQueries.Get("Engagement"), new { userIds = userIds.ToArray(), now }, cancellationToken);
        var subjects = await SubjectContexts.ReadAsync(rows);
        var organisations = await rows.PerUserAsync<EngagementOrganisation>();
        var days = await rows.PerUserAsync<EngagementDayRow>();
        var enrolments = await rows.PerUserAsync<EngagementEnrolment>();
        var itemTouches = await rows.PerUserAsync<EngagementItemTouch>();
        var topicTouches = await rows.PerUserAsync<EngagementTopicTouch>();

        // The weights are the organisation's: parsed once per distinct override in the batch.
        var settingsByWeights = new Dictionary<string, EngagementSettings>(StringComparer.Ordinal);
        EngagementSettings SettingsFor(string? weights)
        {
            var key = weights ?? string.Empty;
            if (!settingsByWeights.TryGetValue(key, out var settings))
            {
                settings = EngagementSettings.From(configuration, weights);
                settingsByWeights[key] = settings;
            }

            return settings;
        }

        return SubjectOutcomes.Compute(userIds, subjects, (userId, subject) =>
        {
            var organisation = organisations[userId].Single();
            var inputs = new EngagementInputs(
                subject.AsOf,
                organisation.DurationSource,
                [.. days[userId]],
                [.. enrolments[userId]],
                [.. itemTouches[userId]],
                [.. topicTouches[userId]]);
            var payload = EngagementCalculator.Compute(inputs, SettingsFor(organisation.OrganisationWeights), windowDays)
                with
            { Source = subject.Source };
            return new AnalyticResult<EngagementPayload>(
                "engagement", payload, new AnalyticSubject("learner", userId), now, subject.DataAsOf, subject.Source);
        });
    }
}
