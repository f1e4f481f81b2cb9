using Analytics.Api.Features.Gamification.Shared;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.Gamification.Stats;

/// <summary>The stats payload of ANALYTICS.md §6.4.</summary>
public sealed record StatsPayload : AnalyticPayload
{
    public long TotalPoints { get; init; }

    public int Level { get; init; }

    public required string LevelName { get; init; }

    public double LevelProgress { get; init; }

    public long NextLevelPoints { get; init; }

    public int PointsThisWeek { get; init; }

    public int PointsThisMonth { get; init; }

    public IReadOnlyList<Achievement> Badges { get; init; } = [];

    public IReadOnlyList<Achievement> Achievements { get; init; } = [];

    public required StatsStreaks Streaks { get; init; }

    public StatsLeaderboard? Leaderboard { get; init; }

    public IReadOnlyList<StatsActivity> RecentActivity { get; init; } = [];
}
