using System.Globalization;
using System.Text.Json;
using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Freshness;
using Dapper;
using Npgsql;

namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>
/// E of the drop-off rule: the published engagement of each learner (ANALYTICS.md §5.1 A, "inputs from other analytics" §0.7),
/// read set-based from the learners' engagement snapshots at asOf and at the weekly points of their `engagementHistory`. The
/// learners without a snapshot younger than 7 days are computed first through the engagement analytic itself: stored on a read,
/// kept in memory in a nightly or refresh pass (whose own chunk commit writes the engagement snapshots with its job id).
/// </summary>
public sealed class DropOffEngagementInputs(
    NpgsqlDataSource dataSource, SnapshotAnalytics analytics, SnapshotStore store, IServiceProvider services, TimeProvider timeProvider)
{
    private const int ChunkSize = 500;
    private const int HistoryDays = 7 * 11;

    /// <summary>
    /// Per learner, engagement by day for the days asOf − 77 … asOf. With <paramref name="sameAsOf"/>, a snapshot of another asOf
    /// is recomputed too (a single learner: cheap, and its history then lines up with the cutoffs).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<DateOnly, int>>> ReadAsync(
        IReadOnlyList<string> userIds, DateOnly asOf, bool sameAsOf, bool storeComputed, CancellationToken cancellationToken)
    {
        var ids = userIds.ToArray();
        var oldest = timeProvider.GetUtcNow() - SnapshotStore.Retention;
        var computed = ids.Length == 0
            ? new Dictionary<string, IReadOnlyDictionary<DateOnly, int>>(StringComparer.Ordinal)
            : await ComputeMissingAsync(ids, sameAsOf ? asOf : null, oldest, storeComputed, cancellationToken);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<EngagementRow>(new CommandDefinition(
            SqlQueries.Get("DropOffRisk.Engagement"),
            new { userIds = ids, oldest = timeProvider.GetUtcNow() - SnapshotStore.Retention, asOf, from = asOf.AddDays(-HistoryDays) },
            cancellationToken: cancellationToken));
        var result = rows
            .GroupBy(r => r.UserId, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyDictionary<DateOnly, int>)g.GroupBy(r => r.Day).ToDictionary(d => d.Key, d => d.First().Engagement),
                StringComparer.Ordinal);
        foreach (var (userId, days) in computed)
        {
            result[userId] = days;
        }

        return result;
    }

    private async Task<Dictionary<string, IReadOnlyDictionary<DateOnly, int>>> ComputeMissingAsync(
        string[] ids, DateOnly? asOf, DateTimeOffset oldest, bool storeComputed, CancellationToken cancellationToken)
    {
        var analytic = analytics.Find("learner", "engagement") ?? throw new InvalidOperationException("No stored learner analytic 'engagement'.");
        List<string> missing;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            missing = (await connection.QueryAsync<string>(new CommandDefinition(
                SqlQueries.Get("DropOffRisk.EngagementMissing"), new { userIds = ids, oldest, asOf }, cancellationToken: cancellationToken))).AsList();
        }

        var values = new Dictionary<string, IReadOnlyDictionary<DateOnly, int>>(StringComparer.Ordinal);
        foreach (var chunk in missing.Chunk(ChunkSize))
        {
            var computed = await analytic.ComputeAsync(services, chunk, cancellationToken);
            foreach (var c in computed.Where(c => c.Result is not null))
            {
                values[c.SubjectId] = Days(JsonSerializer.SerializeToElement(c.Result!.PayloadBase, c.Result.PayloadBase.GetType(), store.SerializerOptions));
            }

            if (storeComputed)
            {
                await store.WriteAsync(
                    computed.Where(c => c.Result is not null)
                        .Select(c => new SnapshotWrite(SnapshotKey.Learner(c.SubjectId, "engagement"), c.Result!, c.ComputeMs, null))
                        .ToArray(),
                    cancellationToken);
            }
        }

        return values;
    }

    /// <summary>overallEngagement at the payload's asOf and each engagementHistory point, from the payload as the API writes it.</summary>
    private static Dictionary<DateOnly, int> Days(JsonElement payload)
    {
        var days = new Dictionary<DateOnly, int>();
        if (payload.TryGetProperty("engagementHistory", out var history) && history.ValueKind == JsonValueKind.Array)
        {
            foreach (var point in history.EnumerateArray())
            {
                if (point.TryGetProperty("engagement", out var e) && e.ValueKind == JsonValueKind.Number
                    && point.TryGetProperty("date", out var d) && DateOnly.TryParse(d.GetString(), CultureInfo.InvariantCulture, out var day))
                {
                    days[day] = e.GetInt32();
                }
            }
        }

        if (payload.TryGetProperty("overallEngagement", out var overall) && overall.ValueKind == JsonValueKind.Number
            && payload.TryGetProperty("asOf", out var asOf) && DateOnly.TryParse(asOf.GetString(), CultureInfo.InvariantCulture, out var at))
        {
            days[at] = overall.GetInt32();
        }

        return days;
    }

    private sealed record EngagementRow(string UserId, DateOnly Day, int Engagement);
}
