using Analytics.Api.Shared.Sources.Upstream.Clients;
using Analytics.Api.Shared.Sources.Upstream.Contracts;
using Analytics.Api.Shared.Sources.Upstream.Records;

namespace Analytics.Api.Shared.Sources.Upstream.Feeds;

/// <summary>
/// Skills Engine `/organizations/{orgId}/user-skills` → user_skills: `level` Missing…Expert or 0–4, `acquired` (never at level 0),
/// acquired_on = `acquiredOn`, else the UTC date of `acquiredAt`, method = `acquisitionMethod`.
/// </summary>
public sealed class UserSkillsFeed()
    : UpstreamFeed<SkillsEngineClient, UserSkillItem>(UpstreamServices.SkillsEngine, "user_skills", 13, [StoreTables.UserSkills])
{
    protected override Task<UpstreamPage<UserSkillItem>> FetchAsync(SkillsEngineClient client, FeedRequest request, CancellationToken cancellationToken) =>
        client.UserSkillsAsync(request.OrganisationId!, request.Page, cancellationToken);

    protected override void Map(UserSkillItem item, FeedRequest request, FeedBatch batch)
    {
        var key = FeedValues.Key(item.UserId ?? "?", item.SkillId ?? "?");
        if (!FeedBatch.IsId(item.UserId) || !FeedBatch.IsId(item.SkillId))
        {
            batch.Reject(key, "invalid or missing userId or skillId", item);
            return;
        }

        if (item.DeletedAt is not null)
        {
            batch.Delete(StoreTables.UserSkills, new UserSkillRecord(item.UserId!, item.SkillId!, 0, false, null, null), key, item);
            return;
        }

        if (SkillLevels.Parse(item.Level) is not { } level)
        {
            batch.Reject(key, $"level {item.Level?.GetRawText() ?? "null"} is not 0–4 or Missing…Expert", item);
            return;
        }

        var acquired = item.Acquired ?? false;
        if (acquired && level == 0)
        {
            batch.Reject(key, "a skill acquired at level 0 (Missing)", item);
            return;
        }

        var acquiredOn = item.AcquiredOn ?? (item.AcquiredAt is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : null);
        var record = new UserSkillRecord(item.UserId!, item.SkillId!, level, acquired, acquiredOn, FeedValues.Text(item.AcquisitionMethod));
        batch.Upsert(StoreTables.UserSkills, record, key, item, new RecordParent("users", record.UserId), new RecordParent("skills", record.SkillId));
    }
}
