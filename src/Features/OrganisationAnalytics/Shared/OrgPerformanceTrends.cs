namespace Analytics.Api.Features.OrganisationAnalytics.Shared;

/// <summary>`trends` of ANALYTICS.md §3.4: performance now vs 90 days earlier (`increasing|decreasing|stable`); roi and retention null.</summary>
public sealed record OrgPerformanceTrends(string? Performance, string? Roi, string? Retention);
