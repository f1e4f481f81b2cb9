namespace Analytics.Api.Features.Operations.IntegrationHealth;

/// <summary>The body of `GET /integration/health`: `healthy`, `degraded` (some services failing or open) or `unhealthy` (all).</summary>
public sealed record IntegrationHealthReport(string Status, DateTimeOffset CheckedAt, string SourceMode, IReadOnlyList<UpstreamHealth> Upstreams);
