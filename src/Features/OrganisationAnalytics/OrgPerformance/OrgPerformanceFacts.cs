namespace Analytics.Api.Features.OrganisationAnalytics.OrgPerformance;

/// <summary>OrgPerformance.Facts.sql: the organisation's k and weight overrides and its number of employees.</summary>
public sealed record OrgPerformanceFacts(int? OrganisationMinGroupSize, string? OrganisationWeights, int Employees);
