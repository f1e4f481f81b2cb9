namespace Analytics.Api.Features.OrganisationAnalytics.Shared;

/// <summary>
/// `benchmarks` (ANALYTICS.md §3.3): a platform proxy, not an industry figure: the mean maturity of the other organisations
/// (pct), the signed point difference and the standing; `benchmarkScope` says so.
/// </summary>
public sealed record CultureBenchmarks(double? IndustryAverage, string? VsIndustry, string? Standing, string BenchmarkScope = "platform");
