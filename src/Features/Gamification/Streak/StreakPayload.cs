using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.Gamification.Streak;

/// <summary>The streak payload of ANALYTICS.md §6.3.</summary>
public sealed record StreakPayload : AnalyticPayload
{
    public int CurrentStreak { get; init; }

    public int LongestStreak { get; init; }

    public double? AverageStreak { get; init; }

    public int FreezesHeld { get; init; }

    public IReadOnlyList<StreakPeriod> StreakHistory { get; init; } = [];

    public IReadOnlyList<StreakMilestone> Milestones { get; init; } = [];
}
