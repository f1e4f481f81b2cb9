using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.LearnerAnalytics.Shared;

/// <summary>The `performance@1.0` object of ANALYTICS.md §1.5.</summary>
public sealed record PerformancePayload : AnalyticPayload
{
    public double? OverallScore { get; init; }

    public required IReadOnlyList<PerformanceAssessmentResult> AssessmentResults { get; init; }

    public required IReadOnlyList<PerformancePoint> PerformanceHistory { get; init; }

    public required IReadOnlyList<PerformanceSkill> Strengths { get; init; }

    public required IReadOnlyList<PerformanceSkill> Weaknesses { get; init; }

    public required IReadOnlyList<PerformanceImprovementArea> ImprovementAreas { get; init; }

    public string? Trend { get; init; }

    public double? PassRate { get; init; }

    public double? ProjectedNextScore { get; init; }

    public string? Grade { get; init; }
}
