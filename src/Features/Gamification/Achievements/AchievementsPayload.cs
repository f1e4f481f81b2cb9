using Analytics.Api.Features.Gamification.Shared;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.Gamification.Achievements;

/// <summary>
/// The achievements payload (ANALYTICS.md §6.2): the achievement objects of the requested status, and per category
/// {earned, available, total} over every badge whatever the filter (innovation is always 0).
/// </summary>
public sealed record AchievementsPayload : AnalyticPayload
{
    public string Status { get; init; } = AchievementsQuery.DefaultStatus;

    public IReadOnlyList<Achievement> Achievements { get; init; } = [];

    public IReadOnlyDictionary<string, AchievementCount> Categories { get; init; } = new Dictionary<string, AchievementCount>();

    public int TotalEarned { get; init; }

    public int TotalAvailable { get; init; }
}
