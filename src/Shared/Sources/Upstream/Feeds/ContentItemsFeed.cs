using Analytics.Api.Shared.Sources.Upstream.Clients;
using Analytics.Api.Shared.Sources.Upstream.Contracts;
using Analytics.Api.Shared.Sources.Upstream.Records;

namespace Analytics.Api.Shared.Sources.Upstream.Feeds;

/// <summary>
/// Content Studio `/organizations/{orgId}/content` → content_items: `type` is one of the store's types (another one is stored as
/// `other`, the raw value kept in source_type unless `sourceType` is sent), `creationMethod` manual|ai (anything else null),
/// `moduleId` → topic_id.
/// </summary>
public sealed class ContentItemsFeed()
    : UpstreamFeed<ContentStudioClient, ContentItem>(UpstreamServices.ContentStudio, "content_items", 7, [StoreTables.ContentItems])
{
    private static readonly HashSet<string> Types = new(StringComparer.Ordinal)
    {
        "video", "article", "interactive", "quiz", "forum", "resource", "other",
    };

    protected override Task<UpstreamPage<ContentItem>> FetchAsync(ContentStudioClient client, FeedRequest request, CancellationToken cancellationToken) =>
        client.ContentAsync(request.OrganisationId!, request.Page, cancellationToken);

    protected override void Map(ContentItem item, FeedRequest request, FeedBatch batch)
    {
        if (!FeedBatch.IsId(item.Id))
        {
            batch.Reject(item.Id ?? "?", "invalid or missing id", item);
            return;
        }

        var id = item.Id!;
        if (item.DeletedAt is not null)
        {
            batch.Delete(StoreTables.ContentItems, new ContentItemRecord(id, item.CourseId ?? id, null, null, "other", null, null, null), id, item);
            return;
        }

        if (!FeedBatch.IsId(item.CourseId) || (item.ModuleId is not null && !FeedBatch.IsId(item.ModuleId)))
        {
            batch.Reject(id, "invalid or missing courseId or moduleId", item);
            return;
        }

        if (item.DurationSeconds is < 0)
        {
            batch.Reject(id, "negative durationSeconds", item);
            return;
        }

        var type = FeedValues.Token(item.Type);
        var known = type is not null && Types.Contains(type);
        var method = FeedValues.Token(item.CreationMethod);
        var record = new ContentItemRecord(
            id,
            item.CourseId!,
            item.ModuleId,
            FeedValues.Text(item.Title),
            known ? type! : "other",
            FeedValues.Text(item.SourceType) ?? (known ? null : FeedValues.Text(item.Type)),
            method is "manual" or "ai" ? method : null,
            item.DurationSeconds);
        RecordParent[] parents = item.ModuleId is null
            ? [new RecordParent("courses", item.CourseId!)]
            : [new RecordParent("courses", item.CourseId!), new RecordParent("topics", item.ModuleId)];
        batch.Upsert(StoreTables.ContentItems, record, id, item, parents);
    }
}
