using Analytics.Api.Shared.Sources.Upstream.Clients;
using Analytics.Api.Shared.Sources.Upstream.Contracts;
using Analytics.Api.Shared.Sources.Upstream.Records;

namespace Analytics.Api.Shared.Sources.Upstream.Feeds;

/// <summary>
/// Auth `/organizations/{orgId}/sessions` → sessions, successful logins only (the others are skipped, not rejected), keyed by
/// (user, startedAt): duration = `durationSeconds`, else `endedAt − startedAt`, clamped to 0–86400 s. sessions is partitioned and
/// has no foreign keys, so the id is checked here and the user is given as the parent.
/// </summary>
public sealed class SessionsFeed()
    : UpstreamFeed<AuthClient, SessionItem>(UpstreamServices.Auth, "sessions", 15, [StoreTables.Sessions])
{
    private const int MaxDurationSeconds = 86_400;

    protected override Task<UpstreamPage<SessionItem>> FetchAsync(AuthClient client, FeedRequest request, CancellationToken cancellationToken) =>
        client.SessionsAsync(request.OrganisationId!, request.Page, cancellationToken);

    protected override void Map(SessionItem item, FeedRequest request, FeedBatch batch)
    {
        if (!FeedBatch.IsId(item.UserId) || item.StartedAt is null)
        {
            batch.Reject(FeedValues.Key(item.UserId ?? "?", item.Id ?? "?"), "invalid or missing userId or startedAt", item);
            return;
        }

        var startedAt = FeedValues.Microseconds(item.StartedAt.Value);
        var key = FeedValues.Key(item.UserId, FeedValues.Instant(startedAt));
        if (item.DeletedAt is not null)
        {
            batch.Delete(StoreTables.Sessions, new SessionRecord(item.UserId!, startedAt, null), key, item);
            return;
        }

        if (item.Successful != true)
        {
            return;
        }

        int? duration = item.DurationSeconds is { } seconds ? Math.Clamp(seconds, 0, MaxDurationSeconds)
            : item.EndedAt is { } endedAt ? (int)Math.Clamp(Math.Round((endedAt - startedAt).TotalSeconds), 0, MaxDurationSeconds)
            : null;
        batch.Covers(StoreTables.Sessions, DateOnly.FromDateTime(startedAt.UtcDateTime));
        batch.Upsert(StoreTables.Sessions, new SessionRecord(item.UserId!, startedAt, duration), key, item, new RecordParent("users", item.UserId!));
    }
}
