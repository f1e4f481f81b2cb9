namespace Analytics.Api.Features.Gamification.Shared;

/// <summary>
/// The achievement object of ANALYTICS.md §6.2. earnedAt is the learner's local day the badge was reached (the evidence is dated by days);
/// progress, target, current and estimatedTime are set on unearned ones and null on earned ones.
/// </summary>
public sealed record Achievement(
    string Id,
    string Name,
    string Description,
    DateOnly? EarnedAt,
    string? Rarity,
    int Points,
    string Category,
    double? Progress,
    int? Target,
    int? Current,
    string? EstimatedTime)
{
    /// <summary>rarity = the share of the organisation's point-earning learners holding it; null below k (ANALYTICS.md §6.2).</summary>
    public static Achievement From(BadgeState state, BadgeRarity rarity)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(rarity);
        var badge = state.Badge;
        return state.Earned
            ? new Achievement(badge.Id, badge.Name, badge.Description, state.EarnedOn, rarity.Of(badge.Id), 0, badge.Category, null, null, null, null)
            : new Achievement(badge.Id, badge.Name, badge.Description, null, rarity.Of(badge.Id), 0, badge.Category, state.Progress, badge.Threshold,
                state.Current, state.EstimatedTime);
    }
}
