using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Database;
using Mediator;
using Npgsql;

namespace Analytics.Api.Features.LearnerAnalytics.SkillGap;

/// <summary>
/// Reads the targets, levels and the two proxies of one learner, or of a batch of learners (the nightly run), in one round trip
/// and computes `skill-gap@1.0` on each learner's rows; a single learner is a batch of one.
/// </summary>
public sealed class SkillGapHandler(NpgsqlDataSource dataSource, IConfiguration configuration, TimeProvider timeProvider)
    : IQueryHandler<SkillGapQuery, AnalyticResult<SkillGapPayload>>
{
    public async ValueTask<AnalyticResult<SkillGapPayload>> Handle(SkillGapQuery query, CancellationToken cancellationToken) =>
        (await ComputeAsync([query.UserId], query.EffectiveCategory, query.EffectiveCriticalOnly, cancellationToken))[0].ResultOrThrow();

    /// <summary>The skill gaps of each learner in <paramref name="userIds"/>, in order; an unknown learner is SUBJECT_NOT_FOUND.</summary>
    public async Task<IReadOnlyList<SubjectOutcome<SkillGapPayload>>> ComputeAsync(
        IReadOnlyList<string> userIds, string? category, bool criticalOnly, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var rows = await UserRows.QueryAsync(
            connection, SubjectContexts.UsersSql + SqlQueries.Get("SkillGap"), new { userIds = userIds.ToArray(), now }, cancellationToken);
        var subjects = await SubjectContexts.ReadAsync(rows);
        var targets = await rows.PerUserAsync<SkillGapTarget>();
        var targetCounts = (await rows.SharedAsync<SkillGapTargetCount>()).ToDictionary(c => c.SkillId, StringComparer.Ordinal);
        var precedences = (await rows.SharedAsync<SkillGapPrecedence>()).ToLookup(p => p.SkillId, StringComparer.Ordinal);
        var settings = SkillGapSettings.From(configuration);

        return SubjectOutcomes.Compute(userIds, subjects, (userId, subject) =>
        {
            // The set's counts and pairs narrowed to the learner's own target skills: what a read for that learner alone returns.
            var own = targets[userId].ToArray();
            var skills = own.Select(t => t.SkillId).ToHashSet(StringComparer.Ordinal);
            SkillGapTargetCount[] ownCounts = [.. skills.Where(targetCounts.ContainsKey).Select(s => targetCounts[s])];
            SkillGapPrecedence[] ownPrecedences = [.. skills.SelectMany(s => precedences[s]).Where(p => skills.Contains(p.PrecedesSkillId))];

            // The skill-demand analytic (#16) has not landed and its platform-wide max-scaled demand is not a one-subject read
            // (§0.7): marketDemand stays null, the formula uses the neutral demand, and the field is listed in notAvailable.
            var payload = SkillGapCalculator.Compute(
                subject.AsOf, own, ownCounts, ownPrecedences, demandScores: null, settings, category, criticalOnly)
                with
            { Source = subject.Source };
            return new AnalyticResult<SkillGapPayload>(
                "skill-gap", payload, new AnalyticSubject("learner", userId), now, subject.DataAsOf, subject.Source);
        });
    }
}
