using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Shared.Freshness;

/// <summary>One computed analytic to store as the snapshot of its key.</summary>
public sealed record SnapshotWrite(SnapshotKey Key, IAnalyticResult Result, int? ComputeMs, string? JobId);
