namespace Analytics.Api.Features.Gamification.Shared;

/// <summary>A ranked leaderboard before paging: participants in display order, the caller's ranking and the neighbours.</summary>
public sealed record LeaderboardBoard(
    bool Suppressed,
    IReadOnlyList<LeaderboardEntry> Entries,
    LeaderboardRanking? UserRanking,
    IReadOnlyList<LeaderboardEntry> Neighbours,
    LeaderboardStatistics Statistics);
