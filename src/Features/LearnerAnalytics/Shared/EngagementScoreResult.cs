using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.LearnerAnalytics.Shared;

/// <summary>L, S (null when unavailable), V and the unrounded overall engagement of ANALYTICS.md §1.3, all 0–100.</summary>
public sealed record EngagementScoreResult(double LoginFrequency, double? SessionDuration, double Activity, double Overall)
{
    /// <summary>The published integer `overallEngagement` (the drop-off rule reads this one, ANALYTICS.md §5.1).</summary>
    public int Published => Numbers.RoundToInt(Overall);

    /// <summary>Bands compare the unrounded value (ANALYTICS.md §0.2): ≥ 80 highly-engaged, ≥ 50 engaged, else at-risk.</summary>
    public string Band => Numbers.Exact(Overall) >= 80 ? "highly-engaged" : Numbers.Exact(Overall) >= 50 ? "engaged" : "at-risk";
}
