namespace Analytics.Api.Shared.Sources.Upstream;

/// <summary>The wire form of a page; <see cref="UpstreamClient"/> checks it before it becomes an <see cref="UpstreamPage{TItem}"/>.</summary>
internal sealed record UpstreamPageBody<TItem>(List<TItem>? Items, string? NextCursor, DateTimeOffset? AsOf);
