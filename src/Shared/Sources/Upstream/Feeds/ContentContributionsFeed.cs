using Analytics.Api.Shared.Sources.Upstream.Clients;
using Analytics.Api.Shared.Sources.Upstream.Contracts;
using Analytics.Api.Shared.Sources.Upstream.Records;

namespace Analytics.Api.Shared.Sources.Upstream.Feeds;

/// <summary>
/// Content Studio `/organizations/{orgId}/contributions` → content_contributions (kind created|shared; the whole row is its key:
/// user|content|kind|at).
/// </summary>
public sealed class ContentContributionsFeed()
    : UpstreamFeed<ContentStudioClient, ContributionItem>(
        UpstreamServices.ContentStudio, "content_contributions", 15, [StoreTables.ContentContributions])
{
    protected override Task<UpstreamPage<ContributionItem>> FetchAsync(ContentStudioClient client, FeedRequest request, CancellationToken cancellationToken) =>
        client.ContributionsAsync(request.OrganisationId!, request.Page, cancellationToken);

    protected override void Map(ContributionItem item, FeedRequest request, FeedBatch batch)
    {
        var kind = FeedValues.Token(item.Kind);
        DateTimeOffset? at = item.At is { } instant ? FeedValues.Microseconds(instant) : null;
        var key = FeedValues.Key(item.UserId, item.ContentId, kind, at is { } a ? FeedValues.Instant(a) : null);
        if (!FeedBatch.IsId(item.UserId) || !FeedBatch.IsId(item.ContentId))
        {
            batch.Reject(key, "invalid or missing userId or contentId", item);
            return;
        }

        if (kind is not ("created" or "shared"))
        {
            batch.Reject(key, $"unknown kind '{item.Kind}'", item);
            return;
        }

        if (at is null)
        {
            batch.Reject(key, "missing at", item);
            return;
        }

        var record = new ContentContributionRecord(item.UserId!, item.ContentId!, kind, at.Value);
        if (item.DeletedAt is not null)
        {
            batch.Delete(StoreTables.ContentContributions, record, key, item);
            return;
        }

        batch.Upsert(StoreTables.ContentContributions, record, key, item,
            new RecordParent("users", item.UserId!), new RecordParent("content_items", item.ContentId!));
    }
}
