namespace Analytics.Api.Features.OrganisationAnalytics.Shared;

/// <summary>
/// `benchmarks` of ANALYTICS.md §3.4, a platform proxy (not industry data): the mean and p90 of the other organisations'
/// overallPerformance (ratio 2 dp) and this organisation's percentile rank among them (int), when there are ≥ k of them.
/// </summary>
public sealed record OrgPerformanceBenchmarks(double? IndustryAverage, double? TopPerformers, int? Percentile, string BenchmarkScope = "platform");
