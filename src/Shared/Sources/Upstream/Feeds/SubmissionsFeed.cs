using Analytics.Api.Shared.Sources.Upstream.Clients;
using Analytics.Api.Shared.Sources.Upstream.Contracts;
using Analytics.Api.Shared.Sources.Upstream.Records;

namespace Analytics.Api.Shared.Sources.Upstream.Feeds;

/// <summary>
/// Assessment `/organizations/{orgId}/attempts` → submissions: `percentage` → score_pct (outside 0–100 rejected), `attemptNumber` →
/// attempt (default 1), `submittedOn` (else the UTC day of `completedAt`) → submitted_on, `completedAt` → submitted_at,
/// `timeSpent` (seconds) → time_spent_s, `isBanked`. A second id for the same assessment, user and attempt is refused by the
/// store's unique key and rejected by the writer.
/// </summary>
public sealed class SubmissionsFeed()
    : UpstreamFeed<AssessmentClient, AttemptItem>(UpstreamServices.Assessment, "submissions", 15, [StoreTables.Submissions])
{
    protected override Task<UpstreamPage<AttemptItem>> FetchAsync(AssessmentClient client, FeedRequest request, CancellationToken cancellationToken) =>
        client.AttemptsAsync(request.OrganisationId!, request.Page, cancellationToken);

    protected override void Map(AttemptItem item, FeedRequest request, FeedBatch batch)
    {
        if (!FeedBatch.IsId(item.Id))
        {
            batch.Reject(item.Id ?? "?", "invalid or missing id", item);
            return;
        }

        var id = item.Id!;
        DateTimeOffset? submittedAt = item.CompletedAt is { } completed ? FeedValues.Microseconds(completed) : null;
        DateOnly? submittedOn = item.SubmittedOn ?? (submittedAt is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : null);
        if (item.DeletedAt is not null)
        {
            var key = new SubmissionRecord(id, item.AssessmentId ?? id, item.UserId ?? id, submittedOn ?? default, submittedAt, 1, null, null, false);
            batch.Delete(StoreTables.Submissions, key, id, item);
            return;
        }

        if (Invalid(item, submittedOn) is { } reason)
        {
            batch.Reject(id, reason, item);
            return;
        }

        var record = new SubmissionRecord(
            id,
            item.AssessmentId!,
            item.UserId!,
            submittedOn!.Value,
            submittedAt,
            (short)(item.AttemptNumber ?? 1),
            item.Percentage is { } percentage ? FeedValues.Hundredths(percentage) : null,
            item.TimeSpent,
            item.IsBanked ?? false);
        batch.Upsert(StoreTables.Submissions, record, id, item,
            new RecordParent("assessments", item.AssessmentId!), new RecordParent("users", item.UserId!));
    }

    private static string? Invalid(AttemptItem item, DateOnly? submittedOn)
    {
        if (!FeedBatch.IsId(item.AssessmentId) || !FeedBatch.IsId(item.UserId))
        {
            return "invalid or missing assessmentId or userId";
        }

        if (submittedOn is null)
        {
            return "neither submittedOn nor completedAt";
        }

        if (item.Percentage is { } percentage && !FeedValues.IsPercentage(percentage))
        {
            return "percentage outside 0–100";
        }

        if (item.AttemptNumber is < 1 or > short.MaxValue)
        {
            return "attemptNumber outside 1–32767";
        }

        return item.TimeSpent is < 0 ? "negative timeSpent" : null;
    }
}
