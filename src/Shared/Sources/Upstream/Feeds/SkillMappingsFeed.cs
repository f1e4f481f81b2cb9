using Analytics.Api.Shared.Sources.Upstream.Clients;
using Analytics.Api.Shared.Sources.Upstream.Contracts;
using Analytics.Api.Shared.Sources.Upstream.Records;

namespace Analytics.Api.Shared.Sources.Upstream.Feeds;

/// <summary>
/// Skills Engine `/skill-mappings?organizationId=` (read per organisation) → course_skills when `moduleId` is null, topic_skills
/// (the module is the topic) otherwise.
/// </summary>
public sealed class SkillMappingsFeed()
    : UpstreamFeed<SkillsEngineClient, SkillMappingItem>(
        UpstreamServices.SkillsEngine, "course_skills", 8, [StoreTables.CourseSkills, StoreTables.TopicSkills])
{
    protected override Task<UpstreamPage<SkillMappingItem>> FetchAsync(
        SkillsEngineClient client, FeedRequest request, CancellationToken cancellationToken) =>
        client.SkillMappingsAsync(request.OrganisationId!, request.Page, cancellationToken);

    protected override void Map(SkillMappingItem item, FeedRequest request, FeedBatch batch)
    {
        var owner = item.ModuleId ?? item.CourseId;
        if (!FeedBatch.IsId(item.SkillId) || !FeedBatch.IsId(owner))
        {
            batch.Reject(FeedValues.Key(owner ?? "?", item.SkillId ?? "?"), "invalid or missing skillId, courseId or moduleId", item);
            return;
        }

        var skill = item.SkillId!;
        var key = FeedValues.Key(owner, skill);
        if (item.ModuleId is null)
        {
            var record = new CourseSkillRecord(owner!, skill);
            if (item.DeletedAt is not null)
            {
                batch.Delete(StoreTables.CourseSkills, record, key, item);
                return;
            }

            batch.Upsert(StoreTables.CourseSkills, record, key, item, new RecordParent("courses", owner!), new RecordParent("skills", skill));
        }
        else
        {
            var record = new TopicSkillRecord(owner!, skill);
            if (item.DeletedAt is not null)
            {
                batch.Delete(StoreTables.TopicSkills, record, key, item);
                return;
            }

            batch.Upsert(StoreTables.TopicSkills, record, key, item, new RecordParent("topics", owner!), new RecordParent("skills", skill));
        }
    }
}
