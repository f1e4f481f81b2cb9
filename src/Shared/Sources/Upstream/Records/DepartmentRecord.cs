namespace Analytics.Api.Shared.Sources.Upstream.Records;

/// <summary>A row of lrs.departments.</summary>
public readonly record struct DepartmentRecord(string Id, string OrganisationId, string Name);
