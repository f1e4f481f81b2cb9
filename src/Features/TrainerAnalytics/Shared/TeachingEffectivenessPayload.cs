namespace Analytics.Api.Features.TrainerAnalytics.Shared;

/// <summary>The `teaching-effectiveness@1.0` object of ANALYTICS.md §2.4 (`components` is an extra with the score's parts).</summary>
public sealed record TeachingEffectivenessPayload : TrainerPayload
{
    public int? OverallScore { get; init; }

    public required TeachingMetrics Metrics { get; init; }

    public required IReadOnlyList<string> Strengths { get; init; }

    public required IReadOnlyList<string> ImprovementAreas { get; init; }

    public required TeachingComponents Components { get; init; }
}
