namespace Analytics.Api.Features.OrganisationAnalytics.Shared;

/// <summary>
/// `roiMetrics` of `learning-velocity` (ANALYTICS.md §3.1): the store holds no money, so the four money fields are always null
/// (and in `notAvailable`); `averageTimeToSkill` is the median in weeks, e.g. "6.5 weeks".
/// </summary>
public sealed record LearningVelocityRoi(
    double? Roi,
    double? CostPerSkillAcquired,
    double? TrainingInvestment,
    double? ProductivityGains,
    string CalculationMethod,
    string? AverageTimeToSkill);
