namespace Analytics.Api.Features.Gamification.Shared;

/// <summary>Holders per badge among the organisation's point-earning learners, and the rarity label of ANALYTICS.md §6.2.</summary>
public sealed record BadgeRarity(int Earners, IReadOnlyDictionary<string, int> Holders, int MinGroupSize)
{
    public string? Of(string badgeId)
    {
        if (Earners < MinGroupSize)
        {
            return null;
        }

        var share = Analytics.Api.Shared.Analytics.Numbers.Exact((double)Holders.GetValueOrDefault(badgeId) / Earners);
        return share >= 0.5 ? "common" : share >= 0.2 ? "uncommon" : share >= 0.05 ? "rare" : "epic";
    }
}
