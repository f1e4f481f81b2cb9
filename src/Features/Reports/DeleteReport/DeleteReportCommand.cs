using Mediator;

namespace Analytics.Api.Features.Reports.DeleteReport;

/// <summary>`DELETE /reports/{reportId}` (API.md §4.7): deletes the owner's report, cancelling it if queued or running.</summary>
public sealed record DeleteReportCommand(string ReportId, string OwnerId) : ICommand<Unit>;
