namespace Analytics.Api.Shared.Sources.Upstream.Contracts;

/// <summary>One entry of a learner's recommendation set.</summary>
public sealed record RecommendedItem(string? ItemType, string? ItemId, string? Reason, decimal? Score);
