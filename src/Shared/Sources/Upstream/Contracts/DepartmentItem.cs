namespace Analytics.Api.Shared.Sources.Upstream.Contracts;

/// <summary>Directory `GET /organizations/{orgId}/departments`.</summary>
public sealed record DepartmentItem(string? Id, string? Name, DateTimeOffset? UpdatedAt, DateTimeOffset? DeletedAt);
