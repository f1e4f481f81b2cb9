namespace Analytics.Api.Shared.Sources.Upstream;

/// <summary>A fetched and mapped page: its rows, the next cursor and the server's `asOf`.</summary>
public sealed record FeedPage(FeedBatch Batch, string? NextCursor, DateTimeOffset AsOf);
