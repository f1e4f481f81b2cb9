namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>`categories[]`: Learning, Practice, Assessment or Engagement with the number of items (only counts above 0).</summary>
public sealed record RecommendationCategory(string Name, int Count);
