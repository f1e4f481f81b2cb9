namespace Analytics.Api.Shared.Sources.Upstream;

/// <summary>An item that could not be mapped or stored, for ops.sync_rejects (SOURCES.md §3.4).</summary>
public sealed record FeedReject(string Key, string Reason, object Item);
