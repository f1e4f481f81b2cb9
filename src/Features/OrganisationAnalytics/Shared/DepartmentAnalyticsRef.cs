namespace Analytics.Api.Features.OrganisationAnalytics.Shared;

/// <summary>`department` {id, name} of a `department-analytics` entry.</summary>
public sealed record DepartmentAnalyticsRef(string Id, string Name);
