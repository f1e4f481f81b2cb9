using Analytics.Api.Shared.Sources.Upstream.Clients;
using Analytics.Api.Shared.Sources.Upstream.Contracts;
using Analytics.Api.Shared.Sources.Upstream.Records;

namespace Analytics.Api.Shared.Sources.Upstream.Feeds;

/// <summary>Directory `/organizations/{orgId}/mentoring` → mentoring_links, keyed by (mentor, mentee, startedOn); the item's own id is not stored.</summary>
public sealed class MentoringFeed()
    : UpstreamFeed<DirectoryClient, MentoringItem>(UpstreamServices.Directory, "mentoring_links", 15, [StoreTables.MentoringLinks])
{
    protected override Task<UpstreamPage<MentoringItem>> FetchAsync(DirectoryClient client, FeedRequest request, CancellationToken cancellationToken) =>
        client.MentoringAsync(request.OrganisationId!, request.Page, cancellationToken);

    protected override void Map(MentoringItem item, FeedRequest request, FeedBatch batch)
    {
        if (!FeedBatch.IsId(item.MentorId) || !FeedBatch.IsId(item.MenteeId) || item.StartedOn is not { } startedOn)
        {
            batch.Reject(
                FeedValues.Key(item.MentorId ?? "?", item.MenteeId ?? "?", item.StartedOn is { } day ? FeedValues.Day(day) : item.Id ?? "?"),
                "invalid or missing mentorId, menteeId or startedOn", item);
            return;
        }

        var record = new MentoringLinkRecord(item.MentorId!, item.MenteeId!, startedOn, item.EndedOn);
        var key = FeedValues.Key(record.MentorId, record.MenteeId, FeedValues.Day(startedOn));
        if (item.DeletedAt is not null)
        {
            batch.Delete(StoreTables.MentoringLinks, record, key, item);
            return;
        }

        if (record.MentorId == record.MenteeId)
        {
            batch.Reject(key, "a person cannot mentor themselves", item);
            return;
        }

        if (item.EndedOn < startedOn)
        {
            batch.Reject(key, "endedOn is before startedOn", item);
            return;
        }

        batch.Upsert(StoreTables.MentoringLinks, record, key, item,
            new RecordParent("users", record.MentorId), new RecordParent("users", record.MenteeId));
    }
}
