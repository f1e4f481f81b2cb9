using Analytics.Api.Shared.Sources.Upstream.Clients;
using Analytics.Api.Shared.Sources.Upstream.Contracts;
using Analytics.Api.Shared.Sources.Upstream.Records;

namespace Analytics.Api.Shared.Sources.Upstream.Feeds;

/// <summary>RAG Assistant `/organizations/{orgId}/help-requests` → help_requests: who asked, in which course, when; never the question.</summary>
public sealed class HelpRequestsFeed()
    : UpstreamFeed<RagAssistantClient, HelpRequestItem>(UpstreamServices.RagAssistant, "help_requests", 15, [StoreTables.HelpRequests])
{
    protected override Task<UpstreamPage<HelpRequestItem>> FetchAsync(RagAssistantClient client, FeedRequest request, CancellationToken cancellationToken) =>
        client.HelpRequestsAsync(request.OrganisationId!, request.Page, cancellationToken);

    protected override void Map(HelpRequestItem item, FeedRequest request, FeedBatch batch)
    {
        if (!FeedBatch.IsId(item.Id))
        {
            batch.Reject(item.Id ?? "?", "invalid or missing id", item);
            return;
        }

        var id = item.Id!;
        if (item.DeletedAt is not null)
        {
            batch.Delete(StoreTables.HelpRequests, new HelpRequestRecord(id, item.UserId ?? string.Empty, null, item.AskedAt ?? default), id, item);
            return;
        }

        if (!FeedBatch.IsId(item.UserId) || (item.CourseId is not null && !FeedBatch.IsId(item.CourseId)) || item.AskedAt is null)
        {
            batch.Reject(id, "invalid or missing userId, courseId or askedAt", item);
            return;
        }

        var record = new HelpRequestRecord(id, item.UserId!, item.CourseId, item.AskedAt.Value);
        RecordParent[] parents = record.CourseId is null
            ? [new RecordParent("users", record.UserId)]
            : [new RecordParent("users", record.UserId), new RecordParent("courses", record.CourseId)];
        batch.Upsert(StoreTables.HelpRequests, record, id, item, parents);
    }
}
