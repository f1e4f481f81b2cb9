using Analytics.Api.Shared.Sources.Upstream.Clients;
using Analytics.Api.Shared.Sources.Upstream.Contracts;
using Analytics.Api.Shared.Sources.Upstream.Records;

namespace Analytics.Api.Shared.Sources.Upstream.Feeds;

/// <summary>
/// Course Builder `/organizations/{orgId}/module-completions` → topic_completions (key user|topic); the store keeps the earliest
/// `completedAt` a topic was completed at.
/// </summary>
public sealed class TopicCompletionsFeed()
    : UpstreamFeed<CourseBuilderClient, ModuleCompletionItem>(UpstreamServices.CourseBuilder, "topic_completions", 15, [StoreTables.TopicCompletions])
{
    protected override Task<UpstreamPage<ModuleCompletionItem>> FetchAsync(
        CourseBuilderClient client, FeedRequest request, CancellationToken cancellationToken) =>
        client.ModuleCompletionsAsync(request.OrganisationId!, request.Page, cancellationToken);

    protected override void Map(ModuleCompletionItem item, FeedRequest request, FeedBatch batch)
    {
        var key = FeedValues.Key(item.UserId, item.ModuleId);
        if (!FeedBatch.IsId(item.UserId) || !FeedBatch.IsId(item.ModuleId))
        {
            batch.Reject(key, "invalid or missing userId or moduleId", item);
            return;
        }

        if (item.DeletedAt is not null)
        {
            batch.Delete(StoreTables.TopicCompletions, new TopicCompletionRecord(item.UserId!, item.ModuleId!, item.DeletedAt.Value), key, item);
            return;
        }

        if (item.CompletedAt is not { } completedAt)
        {
            batch.Reject(key, "missing completedAt", item);
            return;
        }

        batch.Upsert(StoreTables.TopicCompletions, new TopicCompletionRecord(item.UserId!, item.ModuleId!, FeedValues.Microseconds(completedAt)), key, item,
            new RecordParent("users", item.UserId!), new RecordParent("topics", item.ModuleId!));
    }
}
