namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>`distribution` of a cohort: scored learners per risk level (null when the cohort is suppressed).</summary>
public sealed record DropOffRiskDistribution(int? Critical, int? High, int? Medium, int? Low);
