namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>`resources[]` of an item: its title and `Recommendations:ItemUrlTemplate` filled with ids (null when unset).</summary>
public sealed record RecommendationResource(string Title, string? Url);
