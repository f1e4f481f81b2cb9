using Analytics.Api.Shared.Sources.Upstream.Clients;
using Analytics.Api.Shared.Sources.Upstream.Contracts;
using Analytics.Api.Shared.Sources.Upstream.Records;

namespace Analytics.Api.Shared.Sources.Upstream.Feeds;

/// <summary>Course Builder `/organizations/{orgId}/course-feedback` → feedback (a rating outside 1–5 or no `submittedAt` is rejected).</summary>
public sealed class FeedbackFeed()
    : UpstreamFeed<CourseBuilderClient, CourseFeedbackItem>(UpstreamServices.CourseBuilder, "feedback", 15, [StoreTables.Feedback])
{
    protected override Task<UpstreamPage<CourseFeedbackItem>> FetchAsync(
        CourseBuilderClient client, FeedRequest request, CancellationToken cancellationToken) =>
        client.CourseFeedbackAsync(request.OrganisationId!, request.Page, cancellationToken);

    protected override void Map(CourseFeedbackItem item, FeedRequest request, FeedBatch batch)
    {
        if (!FeedBatch.IsId(item.Id))
        {
            batch.Reject(item.Id ?? "?", "invalid or missing id", item);
            return;
        }

        var id = item.Id!;
        if (item.DeletedAt is not null)
        {
            batch.Delete(StoreTables.Feedback, new FeedbackRecord(id, item.CourseId ?? id, item.UserId ?? id, 1, null, item.DeletedAt.Value), id, item);
            return;
        }

        if (Invalid(item) is { } reason)
        {
            batch.Reject(id, reason, item);
            return;
        }

        var record = new FeedbackRecord(
            id, item.CourseId!, item.UserId!, (short)item.Rating!.Value, item.Comment, FeedValues.Microseconds(item.SubmittedAt!.Value));
        batch.Upsert(StoreTables.Feedback, record, id, item, new RecordParent("courses", item.CourseId!), new RecordParent("users", item.UserId!));
    }

    private static string? Invalid(CourseFeedbackItem item)
    {
        if (!FeedBatch.IsId(item.CourseId) || !FeedBatch.IsId(item.UserId))
        {
            return "invalid or missing courseId or userId";
        }

        if (item.Rating is not (>= 1 and <= 5))
        {
            return "rating outside 1–5";
        }

        return item.SubmittedAt is null ? "missing submittedAt" : null;
    }
}
