namespace Analytics.Api.Shared.Observability;

/// <summary>
/// One read of <see cref="RequestWindow"/>, unrounded. Rates are 0–1 and null when nothing was counted (no requests, no
/// lookups of that layer); the percentile is null without requests.
/// </summary>
public sealed record RequestWindowReading(
    double RequestsPerMinute,
    double? P95LatencyMs,
    double? ErrorRate,
    double? CacheHitRate,
    double? MemoryHitRate,
    double? SnapshotHitRate,
    int ActiveUsers);
