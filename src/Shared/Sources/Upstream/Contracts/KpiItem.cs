namespace Analytics.Api.Shared.Sources.Upstream.Contracts;

/// <summary>Directory `GET /organizations/{orgId}/kpis`.</summary>
public sealed record KpiItem(
    string? Id,
    string? Name,
    string? Unit,
    decimal? Target,
    decimal? Value,
    decimal? Weight,
    string? Period,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? DeletedAt);
