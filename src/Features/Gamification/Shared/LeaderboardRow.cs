namespace Analytics.Api.Features.Gamification.Shared;

/// <summary>A scope member with the learner role and their figures for one timeframe (Leaderboard.sql).</summary>
public sealed record LeaderboardRow(
    string UserId,
    string OrganisationId,
    string DisplayName,
    string Privacy,
    int Points,
    long Lifetime,
    int Badges,
    int BadgesInTimeframe,
    int CurrentStreak,
    int LongestInTimeframe);
