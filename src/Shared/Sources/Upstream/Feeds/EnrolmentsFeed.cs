using Analytics.Api.Shared.Sources.Upstream.Clients;
using Analytics.Api.Shared.Sources.Upstream.Contracts;
using Analytics.Api.Shared.Sources.Upstream.Records;

namespace Analytics.Api.Shared.Sources.Upstream.Feeds;

/// <summary>
/// Course Builder `/organizations/{orgId}/enrollments` → enrolments: `enrollmentType` self_enrolled|voluntary → voluntary, assigned;
/// `status` in_progress|active → active, completed, withdrawn; `progress` → progress_pct; `finalResult` pass|fail|distinction|withdrawn
/// (anything else null). Items that break the table's CHECKs are rejected before the write; a second id for the same user and
/// course is refused by the store's unique key and rejected by the writer.
/// </summary>
public sealed class EnrolmentsFeed()
    : UpstreamFeed<CourseBuilderClient, EnrollmentItem>(UpstreamServices.CourseBuilder, "enrolments", 10, [StoreTables.Enrolments])
{
    private static readonly HashSet<string> FinalResults = new(StringComparer.Ordinal) { "pass", "fail", "distinction", "withdrawn" };

    protected override Task<UpstreamPage<EnrollmentItem>> FetchAsync(CourseBuilderClient client, FeedRequest request, CancellationToken cancellationToken) =>
        client.EnrollmentsAsync(request.OrganisationId!, request.Page, cancellationToken);

    protected override void Map(EnrollmentItem item, FeedRequest request, FeedBatch batch)
    {
        if (!FeedBatch.IsId(item.Id))
        {
            batch.Reject(item.Id ?? "?", "invalid or missing id", item);
            return;
        }

        var id = item.Id!;
        if (item.DeletedAt is not null)
        {
            var key = new EnrolmentRecord(id, item.CourseId ?? id, item.UserId ?? id, null, "voluntary", null, null, "active", null, null);
            batch.Delete(StoreTables.Enrolments, key, id, item);
            return;
        }

        if (!FeedBatch.IsId(item.CourseId) || !FeedBatch.IsId(item.UserId))
        {
            batch.Reject(id, "invalid or missing courseId or userId", item);
            return;
        }

        var kind = FeedValues.Token(item.EnrollmentType) switch
        {
            "self_enrolled" or "voluntary" => "voluntary",
            "assigned" => "assigned",
            _ => null,
        };
        var status = FeedValues.Token(item.Status) switch
        {
            "in_progress" or "active" => "active",
            "completed" => "completed",
            "withdrawn" => "withdrawn",
            _ => null,
        };
        var finalResult = FeedValues.Token(item.FinalResult) is { } result && FinalResults.Contains(result) ? result : null;
        if (Invalid(item, kind, status, finalResult) is { } reason)
        {
            batch.Reject(id, reason, item);
            return;
        }

        var record = new EnrolmentRecord(
            id, item.CourseId!, item.UserId!, item.EnrolledAt, kind!, item.CompletedAt, item.WithdrawnAt, status!, finalResult,
            item.Progress is { } pct ? FeedValues.Hundredths(pct) : null);
        batch.Upsert(StoreTables.Enrolments, record, id, item, new RecordParent("courses", item.CourseId!), new RecordParent("users", item.UserId!));
    }

    /// <summary>Why the enrolment breaks a CHECK of lrs.enrolments (or has an unknown enumeration value), or null.</summary>
    private static string? Invalid(EnrollmentItem item, string? kind, string? status, string? finalResult)
    {
        if (kind is null)
        {
            return $"unknown enrollmentType '{item.EnrollmentType}'";
        }

        if (status is null)
        {
            return $"unknown status '{item.Status}'";
        }

        if (item.Progress is { } progress && !FeedValues.IsPercentage(progress))
        {
            return "progress outside 0–100";
        }

        if (status == "completed" && item.CompletedAt is null)
        {
            return "completed without completedAt";
        }

        if (finalResult == "withdrawn" && status != "withdrawn")
        {
            return "finalResult withdrawn on an enrolment that is not withdrawn";
        }

        return item.WithdrawnAt < item.EnrolledAt ? "withdrawnAt is before enrolledAt" : null;
    }
}
