using Analytics.Api.Shared.Sources.Upstream.Clients;
using Analytics.Api.Shared.Sources.Upstream.Contracts;
using Analytics.Api.Shared.Sources.Upstream.Records;

namespace Analytics.Api.Shared.Sources.Upstream.Feeds;

/// <summary>
/// Course Builder `/organizations/{orgId}/courses` → courses, course_trainers (replace-set per course from `trainerIds`) and topics
/// (replace-set per course from `modules`: id, title, position). A course without `organizationId` is a platform-wide course
/// (organisation_id NULL); one of another organisation is rejected. A set that is not sent at all (null) leaves the stored set as
/// it is; an empty one empties it.
/// </summary>
public sealed class CoursesFeed()
    : UpstreamFeed<CourseBuilderClient, CourseItem>(
        UpstreamServices.CourseBuilder, "courses", 5, [StoreTables.Courses, StoreTables.CourseTrainers, StoreTables.Topics])
{
    protected override Task<UpstreamPage<CourseItem>> FetchAsync(CourseBuilderClient client, FeedRequest request, CancellationToken cancellationToken) =>
        client.CoursesAsync(request.OrganisationId!, request.Page, cancellationToken);

    protected override void Map(CourseItem item, FeedRequest request, FeedBatch batch)
    {
        if (!FeedBatch.IsId(item.Id))
        {
            batch.Reject(item.Id ?? "?", "invalid or missing id", item);
            return;
        }

        var id = item.Id!;
        if (item.DeletedAt is not null)
        {
            // Its trainers, topics, content, assessments and enrolments go with it (ON DELETE CASCADE).
            batch.Delete(StoreTables.Courses, new CourseRecord(id, item.OrganizationId, id, null, null, null, null, []), id, item);
            return;
        }

        if (Invalid(item, request) is { } reason)
        {
            batch.Reject(id, reason, item);
            return;
        }

        var record = new CourseRecord(
            id,
            item.OrganizationId,
            FeedValues.Text(item.Title) ?? id,
            FeedValues.Text(item.Category),
            item.StartsOn,
            item.EndsOn,
            item.LengthDays,
            item.Attributes?.DeepClone().AsObject() ?? []);
        RecordParent[] parents = item.OrganizationId is null ? [] : [new RecordParent("organisations", item.OrganizationId)];
        batch.Upsert(StoreTables.Courses, record, id, item, parents);

        if (item.TrainerIds is { } trainers)
        {
            batch.Replace(StoreTables.CourseTrainers, id);
            foreach (var trainer in trainers.Distinct(StringComparer.Ordinal))
            {
                batch.Upsert(StoreTables.CourseTrainers, new CourseTrainerRecord(id, trainer), FeedValues.Key(id, trainer), item,
                    new RecordParent("courses", id), new RecordParent("users", trainer));
            }
        }

        if (item.Modules is { } modules)
        {
            batch.Replace(StoreTables.Topics, id);
            var listed = new HashSet<string>(StringComparer.Ordinal);
            for (var index = 0; index < modules.Count; index++)
            {
                var module = modules[index];
                if (!listed.Add(module.Id!))
                {
                    continue; // listed twice: the first one stands
                }

                var topic = new TopicRecord(module.Id!, id, FeedValues.Text(module.Title) ?? module.Id!, module.Position ?? index);
                batch.Upsert(StoreTables.Topics, topic, module.Id!, item, new RecordParent("courses", id));
            }
        }
    }

    /// <summary>What makes the course unstorable (the CHECKs of lrs.courses, lrs.topics and the id rule), or null.</summary>
    private static string? Invalid(CourseItem item, FeedRequest request)
    {
        if (item.OrganizationId is { } organisation && organisation != request.OrganisationId)
        {
            return $"course of another organisation ({(FeedBatch.IsId(organisation) ? organisation : "invalid id")})";
        }

        if (item.LengthDays is <= 0)
        {
            return "lengthDays must be positive";
        }

        if (item.StartsOn is { } starts && item.EndsOn is { } ends && ends < starts)
        {
            return "endsOn is before startsOn";
        }

        if (item.TrainerIds is { } trainers && !trainers.All(FeedBatch.IsId))
        {
            return "invalid trainer id";
        }

        if (item.Modules is { } modules)
        {
            if (modules.Any(m => m is null || !FeedBatch.IsId(m.Id)))
            {
                return "invalid or missing module id";
            }

            if (modules.Any(m => m.Position is < 0))
            {
                return "module position must not be negative";
            }
        }

        return null;
    }
}
