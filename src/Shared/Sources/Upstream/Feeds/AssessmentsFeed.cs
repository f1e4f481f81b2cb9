using Analytics.Api.Shared.Sources.Upstream.Clients;
using Analytics.Api.Shared.Sources.Upstream.Contracts;
using Analytics.Api.Shared.Sources.Upstream.Records;

namespace Analytics.Api.Shared.Sources.Upstream.Feeds;

/// <summary>
/// Assessment `/organizations/{orgId}/assessments` → assessments: kind exam|test|assignment|quiz (another kind is rejected), weight
/// (default 0) and passThresholdPct (default 70) within 0–100, `moduleId` → topic_id.
/// </summary>
public sealed class AssessmentsFeed()
    : UpstreamFeed<AssessmentClient, AssessmentItem>(UpstreamServices.Assessment, "assessments", 9, [StoreTables.Assessments])
{
    private const decimal DefaultPassThreshold = 70m;

    protected override Task<UpstreamPage<AssessmentItem>> FetchAsync(AssessmentClient client, FeedRequest request, CancellationToken cancellationToken) =>
        client.AssessmentsAsync(request.OrganisationId!, request.Page, cancellationToken);

    protected override void Map(AssessmentItem item, FeedRequest request, FeedBatch batch)
    {
        if (!FeedBatch.IsId(item.Id))
        {
            batch.Reject(item.Id ?? "?", "invalid or missing id", item);
            return;
        }

        var id = item.Id!;
        if (item.DeletedAt is not null)
        {
            batch.Delete(StoreTables.Assessments, new AssessmentRecord(id, item.CourseId ?? id, null, null, "quiz", null, 0, DefaultPassThreshold), id, item);
            return;
        }

        var kind = FeedValues.Token(item.Kind);
        if (Invalid(item, kind) is { } reason)
        {
            batch.Reject(id, reason, item);
            return;
        }

        var record = new AssessmentRecord(
            id,
            item.CourseId!,
            item.ModuleId,
            FeedValues.Text(item.Title),
            kind!,
            item.DueOn,
            FeedValues.Hundredths(item.Weight ?? 0),
            FeedValues.Hundredths(item.PassThresholdPct ?? DefaultPassThreshold));
        RecordParent[] parents = item.ModuleId is null
            ? [new RecordParent("courses", item.CourseId!)]
            : [new RecordParent("courses", item.CourseId!), new RecordParent("topics", item.ModuleId)];
        batch.Upsert(StoreTables.Assessments, record, id, item, parents);
    }

    private static string? Invalid(AssessmentItem item, string? kind)
    {
        if (!FeedBatch.IsId(item.CourseId) || (item.ModuleId is not null && !FeedBatch.IsId(item.ModuleId)))
        {
            return "invalid or missing courseId or moduleId";
        }

        if (kind is not ("exam" or "test" or "assignment" or "quiz"))
        {
            return $"unknown kind '{item.Kind}'";
        }

        if (item.Weight is { } weight && !FeedValues.IsPercentage(weight))
        {
            return "weight outside 0–100";
        }

        return item.PassThresholdPct is { } threshold && !FeedValues.IsPercentage(threshold) ? "passThresholdPct outside 0–100" : null;
    }
}
