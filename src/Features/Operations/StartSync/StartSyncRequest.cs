namespace Analytics.Api.Features.Operations.StartSync;

/// <summary>The body as sent: `{upstreams?, organisationId?, mode?}` (mode `incremental` by default, or `full`).</summary>
public sealed record StartSyncRequest(IReadOnlyList<string>? Upstreams, string? OrganisationId, string? Mode);
