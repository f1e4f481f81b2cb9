using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.LearnerAnalytics.Shared;

/// <summary>The `engagement@1.0` object of ANALYTICS.md §1.3.</summary>
public sealed record EngagementPayload : AnalyticPayload
{
    public int? OverallEngagement { get; init; }

    public string? Band { get; init; }

    public required EngagementComponents Components { get; init; }

    /// <summary>Null (and listed in `notAvailable`) when the organisation supplies no durations.</summary>
    public EngagementTimeSpent? TimeSpent { get; init; }

    public required EngagementRate InteractionRate { get; init; }

    public required EngagementRate CompletionRate { get; init; }

    public required EngagementSessionFrequency SessionFrequency { get; init; }

    public required EngagementContent ContentEngagement { get; init; }

    public required IReadOnlyList<EngagementPoint> EngagementHistory { get; init; }
}
