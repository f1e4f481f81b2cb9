using Analytics.Api.Shared.Sources.Upstream;

namespace Analytics.Api.Features.Operations.IntegrationHealth;

/// <summary>One service in the integration health: `host` only (never the path or token), last sync facts from ops.sync_state.</summary>
public sealed record UpstreamHealth(
    string Name,
    bool Enabled,
    string? Host,
    BreakerReport Breaker,
    DateTimeOffset? LastSuccessfulSyncAt,
    DateTimeOffset? LastSyncAttemptAt,
    string LastSyncStatus,
    UpstreamError? LastError,
    double? P95LatencyMs,
    long? RowsLastSync);
