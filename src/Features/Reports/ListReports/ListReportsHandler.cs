using System.Globalization;
using Analytics.Api.Features.Reports.Shared;
using Analytics.Api.Shared.Http;
using Mediator;

namespace Analytics.Api.Features.Reports.ListReports;

/// <summary>
/// Reads every unexpired report of the caller (at most 7 days of a rate-limited class, so a few hundred), then filters, sorts and
/// pages in memory: the summary and trends cover them all, not just the page (API.md §4.7).
/// </summary>
public sealed class ListReportsHandler(ReportStore store, TimeProvider timeProvider) : IQueryHandler<ListReportsQuery, ReportList>
{
    public async ValueTask<ReportList> Handle(ListReportsQuery query, CancellationToken cancellationToken)
    {
        var rows = await store.ListAsync(query.OwnerId, cancellationToken);
        var now = timeProvider.GetUtcNow();
        var completed = rows.Count(r => r.Status == ReportStatuses.Completed);
        var failed = rows.Count(r => r.Status == ReportStatuses.Failed);
        var durations = rows.Where(r => r is { Status: ReportStatuses.Completed, StartedAt: not null, CompletedAt: not null })
            .Select(r => (r.CompletedAt!.Value - r.StartedAt!.Value).TotalSeconds).ToArray();
        var summary = new ReportListSummary(
            rows.Count,
            completed,
            rows.Count(r => r.Status is ReportStatuses.Queued or ReportStatuses.Running),
            failed,
            rows.Count(r => r.CreatedAt.Year == now.Year && r.CreatedAt.Month == now.Month),
            completed + failed == 0 ? 0 : Math.Round((double)completed / (completed + failed), 2),
            durations.Length == 0 ? 0 : Math.Round(durations.Average(), 1));
        var types = ReportTypes.All.Select(t => new ReportTypeCount(t, ReportTypes.Name(t), rows.Count(r => r.SubjectType == t))).ToArray();
        var trends = new ReportTrends(
            rows.GroupBy(r => r.CreatedAt.ToString("yyyy-MM", CultureInfo.InvariantCulture)).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new MonthCount(g.Key, g.Count())).ToArray(),
            ReportFormats.All.Select(f => new FormatCount(f, rows.Count(r => r.Format == f))).ToArray());

        var type = ReportRequestRules.Type(query.Type);
        var format = ReportFormats.Canonical(query.Format);
        var filtered = rows.Where(r => (query.Status is null || r.Status == query.Status)
                                       && (type is null || r.SubjectType == type)
                                       && (format is null || r.Format == format)
                                       && (query.SubjectId is null || r.SubjectId == query.SubjectId));
        filtered = query.Sort switch
        {
            "createdAt" => filtered.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal),
            "title" => filtered.OrderBy(r => r.Title, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Id, StringComparer.Ordinal),
            _ => filtered.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id, StringComparer.Ordinal),
        };
        var matching = filtered.ToArray();
        var page = query.Page ?? 1;
        var limit = query.Limit ?? 20;
        var reports = matching.Skip((page - 1) * limit).Take(limit).Select(ReportResource.Of).ToArray();
        return new ReportList(summary, reports, types, trends, Pagination.Of(page, limit, matching.Length));
    }
}
