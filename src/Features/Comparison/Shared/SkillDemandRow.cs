namespace Analytics.Api.Features.Comparison.Shared;

/// <summary>
/// One skill of `skillDemand[]`: demandScore (ratio 3 dp), trend of enrolments, trendPercentage (pct 1 dp), growthRate of
/// acquisitions (ratio 3 dp); jobPostings and averageSalary are always null (no job-market source).
/// </summary>
public sealed record SkillDemandRow(
    string SkillId,
    string SkillName,
    double DemandScore,
    string Trend,
    double? TrendPercentage,
    int? JobPostings,
    double? AverageSalary,
    double? GrowthRate);
