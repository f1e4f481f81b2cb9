namespace Analytics.Api.Features.Comparison.Shared;

/// <summary>`userRanking`: rank of the composite among peers ∪ {subject}, |peers| + 1, and the percentile rank among peers (int).</summary>
public sealed record UserRanking(int? Overall, int? TotalPeers, int? Percentile);
