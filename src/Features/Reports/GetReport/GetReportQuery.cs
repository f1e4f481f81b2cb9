using Mediator;

namespace Analytics.Api.Features.Reports.GetReport;

/// <summary>`GET /reports/{reportId}` (API.md §4.7): the owner's report and, once completed, its preview.</summary>
public sealed record GetReportQuery(string ReportId, string OwnerId) : IQuery<ReportDetails>;
