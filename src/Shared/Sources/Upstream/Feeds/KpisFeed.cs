using Analytics.Api.Shared.Sources.Upstream.Clients;
using Analytics.Api.Shared.Sources.Upstream.Contracts;
using Analytics.Api.Shared.Sources.Upstream.Records;

namespace Analytics.Api.Shared.Sources.Upstream.Feeds;

/// <summary>Directory `/organizations/{orgId}/kpis` → kpis: `target` and `period` are required, `weight` defaults to 1.</summary>
public sealed class KpisFeed()
    : UpstreamFeed<DirectoryClient, KpiItem>(UpstreamServices.Directory, "kpis", 12, [StoreTables.Kpis])
{
    protected override Task<UpstreamPage<KpiItem>> FetchAsync(DirectoryClient client, FeedRequest request, CancellationToken cancellationToken) =>
        client.KpisAsync(request.OrganisationId!, request.Page, cancellationToken);

    protected override void Map(KpiItem item, FeedRequest request, FeedBatch batch)
    {
        if (!FeedBatch.IsId(item.Id))
        {
            batch.Reject(item.Id ?? "?", "invalid or missing id", item);
            return;
        }

        var id = item.Id!;
        var organisation = request.OrganisationId!;
        var name = FeedValues.Text(item.Name) ?? id;
        var period = FeedValues.Text(item.Period);
        var weight = item.Weight ?? 1m;
        if (item.DeletedAt is not null)
        {
            batch.Delete(StoreTables.Kpis, new KpiRecord(id, organisation, name, null, 0, null, weight, period ?? string.Empty), id, item);
            return;
        }

        if (item.Target is not { } target)
        {
            batch.Reject(id, "missing target", item);
            return;
        }

        if (period is null)
        {
            batch.Reject(id, "missing period", item);
            return;
        }

        if (weight < 0)
        {
            batch.Reject(id, $"weight {weight} is below 0", item);
            return;
        }

        var record = new KpiRecord(id, organisation, name, FeedValues.Text(item.Unit), target, item.Value, weight, period);
        batch.Upsert(StoreTables.Kpis, record, id, item, new RecordParent("organisations", organisation));
    }
}
