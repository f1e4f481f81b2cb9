namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>A `topFactors[]` row: a risk-raising feature, the learner's value and its contribution (rule points under the rule).</summary>
public sealed record AtRiskTopFactor(string Factor, double? Value, double Contribution);
