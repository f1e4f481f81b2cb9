namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>`insights[]`: type `Pattern|Gap|Momentum`, confidence pct, impact `High|Medium|Low`.</summary>
public sealed record RecommendationInsight(string Title, string Description, string Type, double? Confidence, string Impact);
