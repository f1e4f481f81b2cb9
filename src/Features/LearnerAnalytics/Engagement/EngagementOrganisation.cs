namespace Analytics.Api.Features.LearnerAnalytics.Engagement;

/// <summary>The organisation facts engagement reads: its duration source (null = none) and its override of the weights (JSON).</summary>
public sealed record EngagementOrganisation(string? DurationSource, string? OrganisationWeights);
