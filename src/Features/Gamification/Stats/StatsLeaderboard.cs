namespace Analytics.Api.Features.Gamification.Stats;

/// <summary>`leaderboard` {rank, totalUsers, percentile}: the organisation's points board of this month.</summary>
public sealed record StatsLeaderboard(int Rank, int TotalUsers, int Percentile);
