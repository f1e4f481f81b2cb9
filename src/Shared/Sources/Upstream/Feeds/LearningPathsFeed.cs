using Analytics.Api.Shared.Sources.Upstream.Clients;
using Analytics.Api.Shared.Sources.Upstream.Contracts;
using Analytics.Api.Shared.Sources.Upstream.Records;

namespace Analytics.Api.Shared.Sources.Upstream.Feeds;

/// <summary>
/// Learner AI `/organizations/{orgId}/learning-paths` → learning_paths and learning_path_topics as a replace-set per path from
/// `steps` (position = `order`, topic = `moduleId`). A path with a step that cannot be stored (no module, a negative or repeated
/// order) is rejected whole: a path with a step left out would send the learner another way.
/// </summary>
public sealed class LearningPathsFeed()
    : UpstreamFeed<LearnerAiClient, LearningPathItem>(
        UpstreamServices.LearnerAi, "learning_paths", 14, [StoreTables.LearningPaths, StoreTables.LearningPathTopics])
{
    protected override Task<UpstreamPage<LearningPathItem>> FetchAsync(LearnerAiClient client, FeedRequest request, CancellationToken cancellationToken) =>
        client.LearningPathsAsync(request.OrganisationId!, request.Page, cancellationToken);

    protected override void Map(LearningPathItem item, FeedRequest request, FeedBatch batch)
    {
        if (!FeedBatch.IsId(item.Id))
        {
            batch.Reject(item.Id ?? "?", "invalid or missing id", item);
            return;
        }

        var id = item.Id!;
        var title = FeedValues.Text(item.Title) ?? id;
        if (item.DeletedAt is not null)
        {
            // The path's topics cascade.
            batch.Delete(StoreTables.LearningPaths, new LearningPathRecord(id, item.UserId ?? string.Empty, title, item.CreatedAt ?? default), id, item);
            return;
        }

        if (!FeedBatch.IsId(item.UserId) || item.CreatedAt is null)
        {
            batch.Reject(id, "invalid or missing userId or createdAt", item);
            return;
        }

        var steps = item.Steps ?? [];
        if (steps.Any(s => s is null || s.Order is null or < 0 || !FeedBatch.IsId(s.ModuleId)))
        {
            batch.Reject(id, "a step without a module or with a negative order", item);
            return;
        }

        if (steps.DistinctBy(s => s.Order).Count() != steps.Count)
        {
            batch.Reject(id, "two steps with the same order", item);
            return;
        }

        batch.Upsert(StoreTables.LearningPaths, new LearningPathRecord(id, item.UserId!, title, item.CreatedAt.Value), id, item,
            new RecordParent("users", item.UserId!));
        batch.Replace(StoreTables.LearningPathTopics, id);
        foreach (var step in steps)
        {
            var position = step.Order!.Value;
            batch.Upsert(StoreTables.LearningPathTopics, new LearningPathTopicRecord(id, position, step.ModuleId!), FeedValues.Key(id, position.ToString(System.Globalization.CultureInfo.InvariantCulture)), item,
                new RecordParent("learning_paths", id), new RecordParent("topics", step.ModuleId!));
        }
    }
}
