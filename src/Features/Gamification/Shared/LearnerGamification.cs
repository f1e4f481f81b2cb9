using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Errors;
using Dapper;
using Npgsql;

namespace Analytics.Api.Features.Gamification.Shared;

/// <summary>
/// One learner's gamification as the per-learner endpoints read it: computed from the store for the request (the ledger rows already
/// awarded plus those the next recompute will add), and the organisation's badge holders for rarity.
/// </summary>
public static class LearnerGamification
{
    public static async Task<(LearnerFacts Facts, LearnerState State, BadgeRarity Rarity)> ReadAsync(
        NpgsqlDataSource dataSource, string userId, GamificationSettings settings, PrivacySettings privacy, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(privacy);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var all = await GamificationFacts.ReadAsync(connection, [userId], now, settings, cancellationToken);
        if (!all.TryGetValue(userId, out var facts))
        {
            throw Problems.SubjectNotFound();
        }

        var state = GamificationComputation.Compute(facts, settings, now);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            SqlQueries.Get("GamificationLearner"), new { organisationId = facts.Context.OrganisationId }, cancellationToken: cancellationToken));
        var organisation = await results.ReadSingleAsync<(int? MinGroupSize, int Earners)>();
        var holders = (await results.ReadAsync<BadgeHolders>()).ToDictionary(h => h.BadgeId, h => h.Holders, StringComparer.Ordinal);
        return (facts, state, new BadgeRarity(organisation.Earners, holders, privacy.MinGroupSizeFor(organisation.MinGroupSize)));
    }
}
