using Analytics.Api.Shared.Sources.Upstream.Clients;
using Analytics.Api.Shared.Sources.Upstream.Contracts;
using Analytics.Api.Shared.Sources.Upstream.Records;

namespace Analytics.Api.Shared.Sources.Upstream.Feeds;

/// <summary>
/// Skills Engine `/skills` (the platform catalogue) → skills (`marketDemand` 0–100, else null) and skill_prerequisites as a
/// replace-set per skill from `prerequisites`; an invalid or self-referencing prerequisite id is dropped.
/// </summary>
public sealed class SkillsFeed()
    : UpstreamFeed<SkillsEngineClient, SkillItem>(
        UpstreamServices.SkillsEngine, "skills", 4, [StoreTables.Skills, StoreTables.SkillPrerequisites], platformScope: true)
{
    protected override Task<UpstreamPage<SkillItem>> FetchAsync(SkillsEngineClient client, FeedRequest request, CancellationToken cancellationToken) =>
        client.SkillsAsync(request.Page, cancellationToken);

    protected override void Map(SkillItem item, FeedRequest request, FeedBatch batch)
    {
        if (!FeedBatch.IsId(item.Id))
        {
            batch.Reject(item.Id ?? "?", "invalid or missing id", item);
            return;
        }

        var id = item.Id!;
        var record = new SkillRecord(
            id, FeedValues.Text(item.Name) ?? id, FeedValues.Text(item.Category), item.MarketDemand is >= 0 and <= 100 ? (short)item.MarketDemand.Value : null);
        if (item.DeletedAt is not null)
        {
            // The skill's prerequisites, mappings, targets and holders cascade.
            batch.Delete(StoreTables.Skills, record, id, item);
            return;
        }

        batch.Upsert(StoreTables.Skills, record, id, item);
        batch.Replace(StoreTables.SkillPrerequisites, id);
        foreach (var required in (item.Prerequisites ?? []).Where(p => FeedBatch.IsId(p) && p != id).Distinct(StringComparer.Ordinal))
        {
            batch.Upsert(StoreTables.SkillPrerequisites, new SkillPrerequisiteRecord(id, required), FeedValues.Key(id, required), item,
                new RecordParent("skills", id), new RecordParent("skills", required));
        }
    }
}
