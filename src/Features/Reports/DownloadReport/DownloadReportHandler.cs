using Analytics.Api.Features.Reports.Shared;
using Mediator;

namespace Analytics.Api.Features.Reports.DownloadReport;

/// <summary>404 for anyone but the owner; 409 REPORT_NOT_READY (Retry-After 5) while queued or running, REPORT_FAILED after a failure.</summary>
public sealed class DownloadReportHandler(ReportStore store) : IQueryHandler<DownloadReportQuery, ReportFile>
{
    public async ValueTask<ReportFile> Handle(DownloadReportQuery query, CancellationToken cancellationToken)
    {
        var row = await store.FindAsync(query.ReportId, query.OwnerId, cancellationToken) ?? throw ReportProblems.NotFound();
        return row.Status switch
        {
            ReportStatuses.Failed => throw ReportProblems.Failed(row.Error),
            ReportStatuses.Completed => await store.ReadFileAsync(row.Id, cancellationToken) ?? throw ReportProblems.NotFound(),
            _ => throw ReportProblems.NotReady(row.Status),
        };
    }
}
