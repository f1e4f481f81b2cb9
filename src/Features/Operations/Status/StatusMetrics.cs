namespace Analytics.Api.Features.Operations.Status;

/// <summary>This instance over the last 5 minutes (active users: 15). Rates are 0–1, null when nothing was counted.</summary>
public sealed record StatusMetrics(double RequestsPerMinute, double? P95LatencyMs, double? ErrorRate, double? CacheHitRate, int ActiveUsers);
