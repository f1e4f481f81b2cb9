using System.Text.Json.Serialization;
using Analytics.Api.Features.Gamification.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Http;

namespace Analytics.Api.Features.Gamification.Leaderboard;

/// <summary>The leaderboard payload of ANALYTICS.md §6.4; below k the suppressed shape of §0.5 (lists empty, aggregates null).</summary>
public sealed record LeaderboardPayload : AnalyticPayload
{
    public IReadOnlyList<LeaderboardEntry> Leaderboard { get; init; } = [];

    public LeaderboardRanking? UserRanking { get; init; }

    public IReadOnlyList<LeaderboardEntry> Neighbours { get; init; } = [];

    public required LeaderboardStatistics Statistics { get; init; }

    public required string Timeframe { get; init; }

    public required string Category { get; init; }

    public required string Scope { get; init; }

    public required Pagination Pagination { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Suppressed { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Message { get; init; }
}
