using System.Text.Json.Nodes;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Sources.Upstream.Clients;
using Analytics.Api.Shared.Sources.Upstream.Contracts;
using Analytics.Api.Shared.Sources.Upstream.Records;

namespace Analytics.Api.Shared.Sources.Upstream.Feeds;

/// <summary>Directory `/organizations` → organisations: `settings.timezone` is the time zone, the other settings are kept as sent.</summary>
public sealed class OrganisationsFeed()
    : UpstreamFeed<DirectoryClient, OrganizationItem>(UpstreamServices.Directory, "organisations", 1, [StoreTables.Organisations], platformScope: true)
{
    protected override Task<UpstreamPage<OrganizationItem>> FetchAsync(DirectoryClient client, FeedRequest request, CancellationToken cancellationToken) =>
        client.OrganizationsAsync(request.Page, cancellationToken);

    protected override void Map(OrganizationItem item, FeedRequest request, FeedBatch batch)
    {
        if (!FeedBatch.IsId(item.Id))
        {
            batch.Reject(item.Id ?? "?", "invalid or missing id", item);
            return;
        }

        var settings = item.Settings?.DeepClone().AsObject() ?? [];
        var timeZone = settings["timezone"]?.GetValue<string>();
        settings.Remove("timezone");
        var record = new OrganisationRecord(item.Id!, string.IsNullOrWhiteSpace(item.Name) ? item.Id! : item.Name!, TimeZones.Valid(timeZone) ?? "UTC", settings);
        if (item.DeletedAt is not null)
        {
            batch.Delete(StoreTables.Organisations, record, item.Id!, item);
            return;
        }

        batch.Upsert(StoreTables.Organisations, record, item.Id!, item);
    }
}
