namespace Analytics.Api.Features.TrainerAnalytics.Shared;

/// <summary>One band: learners in it, their share as an integer percentage (largest remainder), and the band's label.</summary>
public sealed record DistributionBand(int? Count, int? Percentage, string Range);
