using System.Text.Json;

namespace Analytics.Api.Shared.Sources.Upstream;

/// <summary>
/// A feed over one typed client: <see cref="FetchAsync"/> reads a page, <see cref="Map"/> turns each item into canonical rows
/// (or a reject). An item with `deletedAt` set is a tombstone: the mapping deletes its rows.
/// </summary>
public abstract class UpstreamFeed<TClient, TItem>(
    UpstreamService service, string entity, int order, IReadOnlyList<StoreTable> tables, bool platformScope = false) : IUpstreamFeed
    where TClient : UpstreamClient
    where TItem : class
{
    public UpstreamService Service { get; } = service;

    public string Entity { get; } = entity;

    public int Order { get; } = order;

    public bool PlatformScope { get; } = platformScope;

    public IReadOnlyList<StoreTable> Tables { get; } = tables;

    public async Task<FeedPage> ReadPageAsync(IServiceProvider services, FeedRequest request, CancellationToken cancellationToken)
    {
        var page = await FetchAsync(services.GetRequiredService<TClient>(), request, cancellationToken);
        var batch = new FeedBatch { Items = page.Items.Count };
        foreach (var item in page.Items)
        {
            Map(item, request, batch);
        }

        return new FeedPage(batch, page.NextCursor, page.AsOf);
    }

    public FeedBatch MapStored(IEnumerable<string> payloads, FeedRequest request)
    {
        var batch = new FeedBatch();
        foreach (var payload in payloads)
        {
            TItem? item;
            try
            {
                item = JsonSerializer.Deserialize<TItem>(payload, UpstreamClient.Json);
            }
            catch (JsonException)
            {
                // A payload of another shape (an older contract) cannot be retried; it ages out with the rejects' retention.
                continue;
            }

            if (item is not null)
            {
                batch.Items++;
                Map(item, request, batch);
            }
        }

        return batch;
    }

    protected abstract Task<UpstreamPage<TItem>> FetchAsync(TClient client, FeedRequest request, CancellationToken cancellationToken);

    protected abstract void Map(TItem item, FeedRequest request, FeedBatch batch);
}
