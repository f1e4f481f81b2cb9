namespace Analytics.Api.Features.TrainerAnalytics.Shared;

/// <summary>`quantiles` of the course scores (linear interpolation, ANALYTICS.md §0.2).</summary>
public sealed record DistributionQuantiles(double? P25, double? P50, double? P75, double? P90);
