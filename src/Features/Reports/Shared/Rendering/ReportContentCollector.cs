using System.Text.Json;
using System.Text.Json.Nodes;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Freshness;

namespace Analytics.Api.Features.Reports.Shared.Rendering;

/// <summary>
/// Reads each analytic's current stored snapshot (stale ones included and flagged, API.md §4.7) and computes — and stores — the
/// ones missing through the analytic's own <see cref="ISnapshotAnalytic"/>, so a report shows what the read endpoints show.
/// </summary>
public sealed class ReportContentCollector(
    SnapshotStore snapshots, SnapshotAnalytics analytics, Staleness staleness, ReportStore store, TimeProvider timeProvider)
{
    public async Task<ReportContent> CollectAsync(IServiceProvider services, ReportRow report, CancellationToken cancellationToken)
    {
        var sections = new List<ReportSection>(report.Analytics.Length);
        foreach (var analytic in report.Analytics)
        {
            sections.Add(await SectionAsync(services, report, analytic, cancellationToken));
        }

        var name = await store.SubjectNameAsync(report.SubjectId, cancellationToken) ?? report.SubjectId;
        return new ReportContent(report, report.ReadParameters(), name, timeProvider.GetUtcNow(), sections);
    }

    private async Task<ReportSection> SectionAsync(IServiceProvider services, ReportRow report, string analytic, CancellationToken cancellationToken)
    {
        var stored = analytics.Find(report.SubjectType, analytic);
        if (stored is null)
        {
            return new ReportSection(analytic, null, null, false, null, false, $"{analytic} has no stored view for {report.SubjectType} subjects.");
        }

        var key = new SnapshotKey(report.SubjectType, report.SubjectId, stored.Role, analytic);
        var snapshot = await snapshots.ReadAsync(key, cancellationToken);
        var servedFrom = "snapshot";
        if (snapshot is null)
        {
            var computation = (await stored.ComputeAsync(services, [report.SubjectId], cancellationToken)).Single();
            if (computation.Result is not { } result)
            {
                return new ReportSection(analytic, null, null, false, null, false, computation.Error?.Message ?? "not computed");
            }

            await snapshots.WriteAsync([new SnapshotWrite(key, result, computation.ComputeMs, null)], cancellationToken);
            snapshot = new StoredSnapshot(
                JsonSerializer.Serialize(result.PayloadBase, result.PayloadBase.GetType(), snapshots.SerializerOptions),
                result.ComputedAt,
                result.DataAsOf,
                result.Source,
                result.DegradedUpstreams.Count > 0,
                result.Suppression is { } s ? JsonSerializer.Serialize(s, snapshots.SerializerOptions) : null);
            servedFrom = "computed";
        }

        return Section(report, analytic, snapshot, servedFrom);
    }

    /// <summary>The envelope of API.md §1.2 over a stored row, with read-time freshness as the read endpoint writes it.</summary>
    private ReportSection Section(ReportRow report, string analytic, StoredSnapshot snapshot, string servedFrom)
    {
        var computedAt = DateTimeOffset.FromUnixTimeSeconds(snapshot.ComputedAt.ToUnixTimeSeconds());
        var isStale = staleness.IsStale(computedAt, timeProvider.GetUtcNow());
        var label = isStale ? "stale" : "fresh";
        var data = JsonNode.Parse(snapshot.Payload) as JsonObject ?? [];
        data["lastUpdated"] = computedAt;
        data["isStale"] = isStale;
        data["staleness"] = label;
        data["degraded"] = snapshot.Degraded;
        var envelope = new JsonObject
        {
            ["data"] = data,
            ["cached"] = servedFrom != "computed",
            ["lastUpdated"] = computedAt,
            ["expiresAt"] = staleness.ExpiresAt(computedAt),
            ["isStale"] = isStale,
            ["staleness"] = label,
            ["meta"] = new JsonObject
            {
                ["computedAt"] = computedAt,
                ["servedFrom"] = servedFrom,
                ["dataAsOf"] = snapshot.DataAsOf,
                ["source"] = snapshot.Source,
                ["degraded"] = snapshot.Degraded,
                ["degradedUpstreams"] = new JsonArray(),
                ["definitionVersion"] = data["definitionVersion"]?.DeepClone(),
                ["activeRole"] = report.Role,
                ["subject"] = new JsonObject { ["type"] = report.SubjectType, ["id"] = report.SubjectId },
                ["refreshing"] = false,
                ["refreshJobId"] = null,
                ["suppression"] = snapshot.Suppression is { } suppression ? JsonNode.Parse(suppression) : null,
                ["unavailable"] = null,
            },
        };
        return new ReportSection(analytic, envelope, computedAt, isStale, snapshot.Source, snapshot.Degraded, null);
    }
}
