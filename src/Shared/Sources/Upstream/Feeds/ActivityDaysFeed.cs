using Analytics.Api.Shared.Sources.Upstream.Clients;
using Analytics.Api.Shared.Sources.Upstream.Contracts;
using Analytics.Api.Shared.Sources.Upstream.Records;

namespace Analytics.Api.Shared.Sources.Upstream.Feeds;

/// <summary>
/// Content Studio `/organizations/{orgId}/usage/daily` → activity_days: each item is the full total of a (learner, course, content
/// item or none, local day), so the row's values are replaced; minutes = ⌊seconds / 60⌋ capped to 0–1440, raw_rows 1. A full
/// reconcile reads the window `from` = <see cref="FeedRequest.ActivityFrom"/> … `to` = the run's UTC day, and deletes only rows
/// from `from` on. activity_days has no foreign keys, so the ids are checked here and the parents named.
/// </summary>
public sealed class ActivityDaysFeed()
    : UpstreamFeed<ContentStudioClient, DailyUsageItem>(UpstreamServices.ContentStudio, "activity_days", 15, [StoreTables.ActivityDays])
{
    private static readonly DateOnly FirstDay = new(1990, 1, 1);

    protected override Task<UpstreamPage<DailyUsageItem>> FetchAsync(ContentStudioClient client, FeedRequest request, CancellationToken cancellationToken)
    {
        var page = request.Mode == SyncMode.Full && request.ActivityFrom is { } from
            ? request.Page with
            {
                Filters =
                [
                    new("from", FeedValues.Day(from)),
                    new("to", FeedValues.Day(DateOnly.FromDateTime(request.StartedAt.UtcDateTime))),
                ],
            }
            : request.Page;
        return client.DailyUsageAsync(request.OrganisationId!, page, cancellationToken);
    }

    protected override void Map(DailyUsageItem item, FeedRequest request, FeedBatch batch)
    {
        var key = FeedValues.Key(item.UserId, item.Date is { } date ? FeedValues.Day(date) : null, item.CourseId, item.ContentId);
        if (!FeedBatch.IsId(item.UserId) || !FeedBatch.IsId(item.CourseId) || (item.ContentId is not null && !FeedBatch.IsId(item.ContentId)))
        {
            batch.Reject(key, "invalid or missing userId, courseId or contentId", item);
            return;
        }

        if (item.Date is not { } day || day < FirstDay)
        {
            batch.Reject(key, "missing date or a date before 1990-01-01", item);
            return;
        }

        if (item.DeletedAt is not null)
        {
            batch.Delete(StoreTables.ActivityDays, new ActivityDayRecord(item.UserId!, item.CourseId!, item.ContentId, day, 0, 1, null), key, item);
            return;
        }

        if (item.Events is < 0)
        {
            batch.Reject(key, "negative events", item);
            return;
        }

        int? minutes = item.Seconds is { } seconds ? Math.Clamp(seconds / 60, 0, 1440) : null;
        var record = new ActivityDayRecord(item.UserId!, item.CourseId!, item.ContentId, day, item.Events ?? 0, 1, minutes);
        RecordParent[] parents = item.ContentId is null
            ? [new RecordParent("users", item.UserId!), new RecordParent("courses", item.CourseId!)]
            : [new RecordParent("users", item.UserId!), new RecordParent("courses", item.CourseId!), new RecordParent("content_items", item.ContentId)];
        batch.Covers(StoreTables.ActivityDays, day);
        batch.Upsert(StoreTables.ActivityDays, record, key, item, parents);
    }
}
