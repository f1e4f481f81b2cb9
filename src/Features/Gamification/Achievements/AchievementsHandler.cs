using Analytics.Api.Features.Gamification.Shared;
using Analytics.Api.Shared.Analytics;
using Mediator;
using Npgsql;

namespace Analytics.Api.Features.Gamification.Achievements;

public sealed class AchievementsHandler(NpgsqlDataSource dataSource, IConfiguration configuration, PrivacySettings privacy, TimeProvider timeProvider)
    : IQueryHandler<AchievementsQuery, AnalyticResult<AchievementsPayload>>
{
    public async ValueTask<AnalyticResult<AchievementsPayload>> Handle(AchievementsQuery query, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var settings = GamificationSettings.From(configuration);
        var (facts, state, rarity) = await LearnerGamification.ReadAsync(dataSource, query.UserId, settings, privacy, now, cancellationToken);
        var status = query.EffectiveStatus;
        var selected = state.Badges
            .Where(b => status == "all" || (status == "earned") == b.Earned)
            .OrderByDescending(b => b.Earned)
            .ThenByDescending(b => b.EarnedOn)
            .ThenByDescending(b => b.Progress)
            .Select(b => Achievement.From(b, rarity))
            .ToArray();
        var categories = BadgeCatalogue.Categories.ToDictionary(
            c => c,
            c =>
            {
                var inCategory = state.Badges.Where(b => b.Badge.Category == c).ToArray();
                var earned = inCategory.Count(b => b.Earned);
                return new AchievementCount(earned, inCategory.Length - earned, inCategory.Length);
            });
        var payload = new AchievementsPayload
        {
            DefinitionVersion = GamificationVersions.Gamification,
            AsOf = state.Today,
            Source = facts.Context.Source,
            Status = status,
            Achievements = selected,
            Categories = categories,
            TotalEarned = state.Badges.Count(b => b.Earned),
            TotalAvailable = state.Badges.Count(b => !b.Earned),
        };
        return new AnalyticResult<AchievementsPayload>(
            "gamification", payload, new AnalyticSubject("learner", query.UserId), now, facts.Context.DataAsOf, facts.Context.Source);
    }
}
