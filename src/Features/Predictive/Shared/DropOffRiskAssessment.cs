namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>`riskAssessment` (score100, score100, days, signed points): for a cohort the mean risk, mean E, median days and mean trend.</summary>
public sealed record DropOffRiskAssessment(int? OverallRisk, int? EngagementScore, int? DaysSinceLastActivity, int? Trend)
{
    public static readonly DropOffRiskAssessment Empty = new(null, null, null, null);
}
