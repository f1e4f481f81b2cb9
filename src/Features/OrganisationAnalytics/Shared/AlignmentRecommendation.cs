namespace Analytics.Api.Features.OrganisationAnalytics.Shared;

/// <summary>A `recommendations[]` row of ANALYTICS.md §3.2; cost and ROI are never known (null, in `notAvailable`).</summary>
public sealed record AlignmentRecommendation(string Type, string Priority, string Action, double? EstimatedCost, double? ExpectedROI);
