using Analytics.Api.Shared.Sources.Upstream.Clients;
using Analytics.Api.Shared.Sources.Upstream.Contracts;
using Analytics.Api.Shared.Sources.Upstream.Records;

namespace Analytics.Api.Shared.Sources.Upstream.Feeds;

/// <summary>
/// DevLab `/organizations/{orgId}/practice-sessions` → practice_sessions: passed = `status == "passed"`, `score` → score_pct (0–100,
/// else null), `attempts` default 1, `moduleId` → topic, `skillId` → skill.
/// </summary>
public sealed class PracticeSessionsFeed()
    : UpstreamFeed<DevLabClient, PracticeSessionItem>(UpstreamServices.DevLab, "practice_sessions", 15, [StoreTables.PracticeSessions])
{
    protected override Task<UpstreamPage<PracticeSessionItem>> FetchAsync(DevLabClient client, FeedRequest request, CancellationToken cancellationToken) =>
        client.PracticeSessionsAsync(request.OrganisationId!, request.Page, cancellationToken);

    protected override void Map(PracticeSessionItem item, FeedRequest request, FeedBatch batch)
    {
        if (!FeedBatch.IsId(item.Id))
        {
            batch.Reject(item.Id ?? "?", "invalid or missing id", item);
            return;
        }

        var id = item.Id!;
        if (item.DeletedAt is not null)
        {
            batch.Delete(StoreTables.PracticeSessions,
                new PracticeSessionRecord(id, item.UserId ?? string.Empty, null, null, item.StartedAt ?? default, false, null, 1), id, item);
            return;
        }

        if (!FeedBatch.IsId(item.UserId) || (item.ModuleId is not null && !FeedBatch.IsId(item.ModuleId))
            || (item.SkillId is not null && !FeedBatch.IsId(item.SkillId)) || item.StartedAt is null)
        {
            batch.Reject(id, "invalid or missing userId, moduleId, skillId or startedAt", item);
            return;
        }

        var attempts = item.Attempts ?? 1;
        if (attempts is < 1 or > short.MaxValue)
        {
            batch.Reject(id, $"attempts {attempts} is out of range", item);
            return;
        }

        var record = new PracticeSessionRecord(
            id, item.UserId!, item.ModuleId, item.SkillId, item.StartedAt.Value,
            FeedValues.Token(item.Status) == "passed",
            item.Score is { } score && FeedValues.IsPercentage(score) ? FeedValues.Hundredths(score) : null,
            (short)attempts);
        var parents = new List<RecordParent> { new("users", record.UserId) };
        if (record.TopicId is not null)
        {
            parents.Add(new RecordParent("topics", record.TopicId));
        }

        if (record.SkillId is not null)
        {
            parents.Add(new RecordParent("skills", record.SkillId));
        }

        batch.Upsert(StoreTables.PracticeSessions, record, id, item, [.. parents]);
    }
}
