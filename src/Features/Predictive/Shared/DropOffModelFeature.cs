namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>A `features[]` row of a drop-off model card: the input, what it is, and its importance (null for the rule's inputs).</summary>
public sealed record DropOffModelFeature(string Name, string Description, double? Importance);
