namespace Analytics.Api.Features.TrainerAnalytics.Shared;

/// <summary>`distribution`: the four score bands, excellent first.</summary>
public sealed record DistributionBands(DistributionBand Excellent, DistributionBand Good, DistributionBand Average, DistributionBand Struggling);
