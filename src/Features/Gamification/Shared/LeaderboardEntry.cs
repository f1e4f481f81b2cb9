namespace Analytics.Api.Features.Gamification.Shared;

/// <summary>A displayed leaderboard row (ANALYTICS.md §6.4); avatar is always null.</summary>
public sealed record LeaderboardEntry(
    int Rank, string? UserId, string DisplayName, int Value, int Points, int Level, string? Avatar, int Badges, int Streak, bool IsCurrentUser);
