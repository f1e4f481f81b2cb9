namespace Analytics.Api.Shared.Sources.Upstream;

/// <summary>
/// One listing of one service (SOURCES.md §3.3) and the tables it fills. <see cref="Entity"/> names its watermark row in
/// ops.sync_state and its rejects; <see cref="Order"/> is the load order of SOURCES.md §1.2 (parents first).
/// </summary>
public interface IUpstreamFeed
{
    UpstreamService Service { get; }

    string Entity { get; }

    int Order { get; }

    bool PlatformScope { get; }

    IReadOnlyList<StoreTable> Tables { get; }

    Task<FeedPage> ReadPageAsync(IServiceProvider services, FeedRequest request, CancellationToken cancellationToken);

    /// <summary>Maps rejected items again (their stored payloads) so the next pass retries them.</summary>
    FeedBatch MapStored(IEnumerable<string> payloads, FeedRequest request);
}
