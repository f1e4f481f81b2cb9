namespace Analytics.Api.Features.OrganisationAnalytics.Shared;

/// <summary>
/// One department of `departments[]` (ANALYTICS.md §3.5) with the catalog team fields: skill coverage and pass rate (pct 1 dp),
/// mean days to complete (1 dp), and rank and percentile among the departments with at least k members.
/// </summary>
public sealed record DepartmentAnalyticsEntry(
    DepartmentAnalyticsRef Department,
    DepartmentAnalyticsMetrics Metrics,
    DepartmentAnalyticsTrends Trends,
    IReadOnlyList<DepartmentAnalyticsInsight> Insights,
    double? SkillCoveragePct,
    double? PassRatePct,
    double? AvgTimeToCompleteDays,
    int? Rank,
    int? Percentile);
