namespace Analytics.Api.Features.OrganisationAnalytics.Shared;

/// <summary>A `recommendations[]` row of ANALYTICS.md §3.4; estimatedROI is never known (null, in `notAvailable`).</summary>
public sealed record OrgPerformanceRecommendation(string Type, string Priority, string Action, double? EstimatedROI, string ExpectedImpact);
