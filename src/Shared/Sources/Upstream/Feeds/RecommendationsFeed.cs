using Analytics.Api.Shared.Sources.Upstream.Clients;
using Analytics.Api.Shared.Sources.Upstream.Contracts;
using Analytics.Api.Shared.Sources.Upstream.Records;

namespace Analytics.Api.Shared.Sources.Upstream.Feeds;

/// <summary>
/// Learner AI `/organizations/{orgId}/recommendations` → recommendations_feed: one item per learner holds the complete set, a
/// replace-set of the learner's `learner-ai` rows (the `rules` rows are this service's own and never touched). An entry of an
/// unknown type or without a valid item id is dropped, a score outside 0–1 is null, a repeated (type, id) counts once; a set with
/// `deletedAt` empties the learner's set.
/// </summary>
public sealed class RecommendationsFeed()
    : UpstreamFeed<LearnerAiClient, RecommendationSetItem>(UpstreamServices.LearnerAi, "recommendations_feed", 15, [StoreTables.RecommendationsFeed])
{
    public const string Provider = "learner-ai";

    private static readonly HashSet<string> ItemTypes = new(StringComparer.Ordinal) { "course", "topic", "skill", "practice", "assessment", "plan" };

    protected override Task<UpstreamPage<RecommendationSetItem>> FetchAsync(
        LearnerAiClient client, FeedRequest request, CancellationToken cancellationToken) =>
        client.RecommendationsAsync(request.OrganisationId!, request.Page, cancellationToken);

    protected override void Map(RecommendationSetItem item, FeedRequest request, FeedBatch batch)
    {
        if (!FeedBatch.IsId(item.UserId))
        {
            batch.Reject(item.UserId ?? "?", "invalid or missing userId", item);
            return;
        }

        var user = item.UserId!;
        var entries = item.DeletedAt is null ? Entries(item) : [];
        if (entries.Count > 0 && item.GeneratedAt is null)
        {
            batch.Reject(user, "missing generatedAt", item);
            return;
        }

        batch.Replace(StoreTables.RecommendationsFeed, user);
        foreach (var (type, id, reason, score) in entries)
        {
            batch.Upsert(StoreTables.RecommendationsFeed, new RecommendationRecord(user, type, id, reason, score, Provider, item.GeneratedAt!.Value),
                FeedValues.Key(user, type, id), item, new RecordParent("users", user));
        }
    }

    private static List<(string Type, string Id, string Reason, decimal? Score)> Entries(RecommendationSetItem item)
    {
        var entries = new List<(string, string, string, decimal?)>();
        var seen = new HashSet<(string, string)>();
        foreach (var entry in item.Items ?? [])
        {
            var type = FeedValues.Token(entry?.ItemType);
            if (type is null || !ItemTypes.Contains(type) || !FeedBatch.IsId(entry!.ItemId) || !seen.Add((type, entry.ItemId!)))
            {
                continue;
            }

            entries.Add((type, entry.ItemId!, entry.Reason ?? string.Empty, entry.Score is >= 0 and <= 1 ? Math.Round(entry.Score.Value, 4, MidpointRounding.AwayFromZero) : null));
        }

        return entries;
    }
}
