namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>A triggered condition of the transparent rule: the feature, its label, the learner's value and the points it adds.</summary>
public sealed record DropOffRuleCondition(string Factor, string Label, double? Value, int Points);
