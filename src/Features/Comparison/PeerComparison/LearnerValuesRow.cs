namespace Analytics.Api.Features.Comparison.PeerComparison;

/// <summary>The subject learner's own metric values (ratios), from its snapshots.</summary>
public sealed record LearnerValuesRow(double? Velocity, double? Engagement, double? Mastery, double? Performance)
{
    public IReadOnlyList<double?> Values => [Velocity, Engagement, Mastery, Performance];
}
