using Analytics.Api.Shared.Sources.Upstream.Clients;
using Analytics.Api.Shared.Sources.Upstream.Contracts;
using Analytics.Api.Shared.Sources.Upstream.Records;

namespace Analytics.Api.Shared.Sources.Upstream.Feeds;

/// <summary>
/// Directory `/organizations/{orgId}/value-propositions` → skill_targets: `requiredLevel` 1–4 or Beginner…Expert, `businessPriority`
/// critical|high|medium|low (anything else is a reject), `careerImpact` 0–20 (else null), `departmentId` null for the whole organisation.
/// </summary>
public sealed class ValuePropositionsFeed()
    : UpstreamFeed<DirectoryClient, ValuePropositionItem>(UpstreamServices.Directory, "skill_targets", 12, [StoreTables.SkillTargets])
{
    private static readonly HashSet<string> Priorities = new(StringComparer.Ordinal) { "critical", "high", "medium", "low" };

    protected override Task<UpstreamPage<ValuePropositionItem>> FetchAsync(
        DirectoryClient client, FeedRequest request, CancellationToken cancellationToken) =>
        client.ValuePropositionsAsync(request.OrganisationId!, request.Page, cancellationToken);

    protected override void Map(ValuePropositionItem item, FeedRequest request, FeedBatch batch)
    {
        if (!FeedBatch.IsId(item.Id))
        {
            batch.Reject(item.Id ?? "?", "invalid or missing id", item);
            return;
        }

        var id = item.Id!;
        var organisation = request.OrganisationId!;
        if (item.DeletedAt is not null)
        {
            batch.Delete(StoreTables.SkillTargets,
                new SkillTargetRecord(id, organisation, item.DepartmentId, item.SkillId ?? string.Empty, 1, "low", null, null), id, item);
            return;
        }

        if (!FeedBatch.IsId(item.SkillId) || (item.DepartmentId is not null && !FeedBatch.IsId(item.DepartmentId)))
        {
            batch.Reject(id, "invalid or missing skillId or departmentId", item);
            return;
        }

        // Missing (0) is no target: a required level is 1–4.
        var level = SkillLevels.Parse(item.RequiredLevel);
        if (level is null or 0)
        {
            batch.Reject(id, $"requiredLevel {item.RequiredLevel?.GetRawText() ?? "null"} is not 1–4 or Beginner…Expert", item);
            return;
        }

        var priority = FeedValues.Token(item.BusinessPriority);
        if (priority is null || !Priorities.Contains(priority))
        {
            batch.Reject(id, $"businessPriority '{item.BusinessPriority}' is not critical, high, medium or low", item);
            return;
        }

        var record = new SkillTargetRecord(
            id, organisation, item.DepartmentId, item.SkillId!, level.Value, priority, FeedValues.Text(item.ValueProposition),
            item.CareerImpact is >= 0 and <= 20 ? (short)item.CareerImpact.Value : null);
        RecordParent[] parents = item.DepartmentId is null
            ? [new RecordParent("organisations", organisation), new RecordParent("skills", item.SkillId!)]
            : [new RecordParent("organisations", organisation), new RecordParent("skills", item.SkillId!), new RecordParent("departments", item.DepartmentId)];
        batch.Upsert(StoreTables.SkillTargets, record, id, item, parents);
    }
}
