namespace Analytics.Api.Features.Gamification.Shared;

/// <summary>The caller's place: `userRanking {rank, percentile, points, level, badges, streak}` (ANALYTICS.md §6.4).</summary>
public sealed record LeaderboardRanking(int Rank, int Percentile, int Points, int Level, int Badges, int Streak);
