namespace Analytics.Api.Shared.Sources.Upstream;

/// <summary>The ops.sync_state fields a pass starts from.</summary>
public sealed record SyncStateRow(DateTimeOffset? Watermark, string? Cursor, DateTimeOffset? LastStartedAt);
