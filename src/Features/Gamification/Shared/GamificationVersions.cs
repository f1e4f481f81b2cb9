namespace Analytics.Api.Features.Gamification.Shared;

/// <summary>Definition versions of ANALYTICS.md §0.7 (rows G).</summary>
public static class GamificationVersions
{
    public const string Gamification = "gamification@1.0";
    public const string Leaderboard = "leaderboard@1.0";
}
