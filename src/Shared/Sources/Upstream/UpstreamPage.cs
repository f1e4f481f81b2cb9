namespace Analytics.Api.Shared.Sources.Upstream;

/// <summary>One page of a listing (SOURCES.md §3.2): items ordered by (updatedAt, id), an opaque cursor, the server's start time.</summary>
public sealed record UpstreamPage<TItem>(IReadOnlyList<TItem> Items, string? NextCursor, DateTimeOffset AsOf);
