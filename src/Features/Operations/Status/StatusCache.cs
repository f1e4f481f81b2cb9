namespace Analytics.Api.Features.Operations.Status;

/// <summary>Hit rates (0–1) of the memory and snapshot layers over the last 5 minutes; null when the layer was not asked.</summary>
public sealed record StatusCache(double? MemoryHitRate, double? SnapshotHitRate);
