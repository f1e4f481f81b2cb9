namespace Analytics.Api.Features.Privacy.Shared;

/// <summary>`{leaderboardPrivacy ("public"|"anonymous"|"hidden"), predictiveOptOut}` (API.md §4.8).</summary>
public sealed record PrivacyPreferences(string LeaderboardPrivacy, bool PredictiveOptOut)
{
    public static readonly IReadOnlyList<string> LeaderboardChoices = ["public", "anonymous", "hidden"];
}
