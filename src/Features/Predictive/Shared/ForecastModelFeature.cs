namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>A `features[]` row of a model card: the input, what it is, and its importance (null for a rule's inputs).</summary>
public sealed record ForecastModelFeature(string Name, string Description, double? Importance);
