using Analytics.Api.Features.Reports.Shared;
using Mediator;

namespace Analytics.Api.Features.Reports.DownloadReport;

/// <summary>`GET /reports/{reportId}/download` (API.md §4.7): the owner's completed file.</summary>
public sealed record DownloadReportQuery(string ReportId, string OwnerId) : IQuery<ReportFile>;
