namespace Analytics.Api.Shared.Sources.Upstream;

/// <summary>What a sync covers: the mode, the services (null: every configured one) and the organisation (null: all of them).</summary>
public sealed record SyncRequest(SyncMode Mode, IReadOnlyList<UpstreamService>? Services = null, string? OrganisationId = null);
