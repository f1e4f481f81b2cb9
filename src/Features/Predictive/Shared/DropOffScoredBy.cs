namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>`scoredBy`: how many enrolment scorings behind this answer the model and the rule made (null when suppressed).</summary>
public sealed record DropOffScoredBy(int? Model, int? Rule);
