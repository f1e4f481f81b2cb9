namespace Analytics.Api.Features.Gamification.Shared;

/// <summary>`statistics {totalParticipants, averagePoints (mean value), topPercentile = ceil(100·rank/total)}`; nulls when suppressed.</summary>
public sealed record LeaderboardStatistics(int? TotalParticipants, double? AveragePoints, int? TopPercentile);
