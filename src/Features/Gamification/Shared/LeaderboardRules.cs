using System.Security.Cryptography;
using System.Text;

namespace Analytics.Api.Features.Gamification.Shared;

/// <summary>
/// Ranking and privacy of ANALYTICS.md §6.4 and API.md §3.5, pure. Participants: privacy ≠ hidden and a value > 0; fewer than k is the
/// suppressed board. Competition ranking (1, 2, 2, 4), ties shown in userId-hash order. `public` shows name and id; `anonymous` (and,
/// with scope platform, every member of another organisation) shows "Anonymous learner #" + 4 hex of HMAC-SHA256(server key, userId)
/// with userId null; the caller always sees their own row as it is.
/// </summary>
public static class LeaderboardRules
{
    public const int NeighbourCount = 5;

    public static int ValueOf(LeaderboardRow row, string category, bool allTime)
    {
        ArgumentNullException.ThrowIfNull(row);
        return category switch
        {
            "streaks" => allTime ? row.CurrentStreak : row.LongestInTimeframe,
            "achievements" => row.BadgesInTimeframe,
            _ => row.Points,
        };
    }

    public static LeaderboardBoard Rank(
        IEnumerable<LeaderboardRow> rows, string category, bool allTime, string scope, string callerId, string? callerOrganisationId,
        int minGroupSize, byte[] anonymisationKey, LevelTable levels)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(levels);
        var participants = rows
            .Where(r => r.Privacy != "hidden")
            .Select(r => (Row: r, Value: ValueOf(r, category, allTime)))
            .Where(p => p.Value > 0)
            .OrderByDescending(p => p.Value)
            .ThenBy(p => Hash(p.Row.UserId), StringComparer.Ordinal)
            .ToArray();
        if (participants.Length < minGroupSize)
        {
            return new LeaderboardBoard(true, [], null, [], new LeaderboardStatistics(null, null, null));
        }

        var values = participants.Select(p => p.Value).ToArray();
        var entries = participants.Select(p =>
        {
            var rank = 1 + values.Count(v => v > p.Value);
            var isCaller = p.Row.UserId == callerId;
            var anonymous = !isCaller
                            && (p.Row.Privacy == "anonymous" || (scope == "platform" && p.Row.OrganisationId != callerOrganisationId));
            return new LeaderboardEntry(
                rank,
                anonymous ? null : p.Row.UserId,
                anonymous ? AnonymousName(anonymisationKey, p.Row.UserId) : p.Row.DisplayName,
                p.Value,
                p.Row.Points,
                levels.For(p.Row.Lifetime).Number,
                null,
                p.Row.Badges,
                p.Row.CurrentStreak,
                isCaller);
        }).ToArray();
        var callerIndex = Array.FindIndex(entries, e => e.IsCurrentUser);
        LeaderboardRanking? ranking = null;
        IReadOnlyList<LeaderboardEntry> neighbours = [];
        int? topPercentile = null;
        if (callerIndex >= 0)
        {
            var me = entries[callerIndex];
            var below = values.Count(v => v < me.Value);
            var equal = values.Count(v => v == me.Value);
            var percentile = (int)Analytics.Api.Shared.Analytics.Numbers.Round(100.0 * (below + (0.5 * equal)) / values.Length);
            ranking = new LeaderboardRanking(me.Rank, percentile, me.Points, me.Level, me.Badges, me.Streak);
            neighbours = entries.Skip(Math.Max(0, callerIndex - NeighbourCount)).Take(callerIndex - Math.Max(0, callerIndex - NeighbourCount))
                .Concat(entries.Skip(callerIndex + 1).Take(NeighbourCount))
                .ToArray();
            topPercentile = (int)Math.Ceiling(Analytics.Api.Shared.Analytics.Numbers.Exact(100.0 * me.Rank / values.Length));
        }

        var average = Analytics.Api.Shared.Analytics.Numbers.Round(values.Average(), 1);
        return new LeaderboardBoard(false, entries, ranking, neighbours, new LeaderboardStatistics(values.Length, average, topPercentile));
    }

    /// <summary>The anonymisation key: derived from the server's signing key, never the signing key itself.</summary>
    public static byte[] AnonymisationKey(byte[] signingKey) => SHA256.HashData([.. "leaderboard-anonymous:"u8, .. signingKey]);

    /// <summary>"Anonymous learner #" + the first 4 hex characters of HMAC-SHA256(server key, userId).</summary>
    public static string AnonymousName(byte[] key, string userId) =>
        "Anonymous learner #" + Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(userId)))[..4];

    private static string Hash(string userId) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userId)));
}
