using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.LearnerAnalytics.Shared;

/// <summary>The `content-effectiveness@1.0` object of ANALYTICS.md §1.6.</summary>
public sealed record ContentEffectivenessPayload : AnalyticPayload
{
    public double? OverallEffectiveness { get; init; }

    public required IReadOnlyList<ContentTypeEffectiveness> ContentTypes { get; init; }

    public required IReadOnlyList<EffectivenessPoint> EffectivenessHistory { get; init; }

    public required IReadOnlyList<ContentItemEffectiveness> TopPerformingContent { get; init; }

    public required IReadOnlyList<ContentItemEffectiveness> UnderperformingContent { get; init; }

    public required IReadOnlyList<ContentRecommendation> Recommendations { get; init; }
}
