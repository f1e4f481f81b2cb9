namespace Analytics.Api.Features.Comparison.Shared;

/// <summary>The `peer-comparison@1.0` object of ANALYTICS.md §4.1 (learner, trainer-cohort and org-cohort forms share it).</summary>
public sealed record PeerComparisonPayload : ComparisonPayload
{
    public required UserRanking UserRanking { get; init; }

    public required IReadOnlyList<PerformanceComparison> PerformanceComparisons { get; init; }

    public required IReadOnlyList<SkillComparison> SkillComparisons { get; init; }

    public required IReadOnlyList<AnonymizedPeerGroup> AnonymizedPeerData { get; init; }

    public required IReadOnlyList<PeerInsight> Insights { get; init; }

    public required IReadOnlyList<PeerRecommendation> Recommendations { get; init; }
}
