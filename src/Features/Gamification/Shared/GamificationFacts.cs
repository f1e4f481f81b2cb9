using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Database;
using Npgsql;

namespace Analytics.Api.Features.Gamification.Shared;

/// <summary>Reads <see cref="LearnerFacts"/> for a set of learners in one round trip (Subject.Users + GamificationFacts.sql).</summary>
public static class GamificationFacts
{
    public static async Task<IReadOnlyDictionary<string, LearnerFacts>> ReadAsync(
        NpgsqlConnection connection, IReadOnlyList<string> userIds, DateTimeOffset now, GamificationSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        ArgumentNullException.ThrowIfNull(settings);
        await using var rows = await UserRows.QueryAsync(
            connection,
            SubjectContexts.UsersSql + SqlQueries.Get("GamificationFacts"),
            new { userIds = userIds.ToArray(), now, minMinutes = settings.MinMinutes },
            cancellationToken);
        var subjects = await SubjectContexts.ReadAsync(rows);
        var facts = await rows.PerUserAsync<PointFact>();
        var days = await rows.PerUserAsync<DateOnly>();
        var evidence = await rows.PerUserAsync<EvidenceRow>();
        var awarded = await rows.PerUserAsync<AwardedPoints>();
        return subjects.ToDictionary(
            s => s.Key,
            s => new LearnerFacts(
                s.Value,
                [.. facts[s.Key]],
                [.. days[s.Key]],
                evidence[s.Key].ToLookup(e => e.Evidence, e => e.Day, StringComparer.Ordinal),
                [.. awarded[s.Key]]),
            StringComparer.Ordinal);
    }
}
