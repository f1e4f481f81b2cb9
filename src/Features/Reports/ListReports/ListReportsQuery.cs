using Mediator;

namespace Analytics.Api.Features.Reports.ListReports;

/// <summary>`GET /reports` (API.md §4.7): the caller's reports, a page of them, with summary and trends over all of them.</summary>
public sealed record ListReportsQuery(
    string OwnerId, int? Page, int? Limit, string? Status, string? Type, string? Format, string? SubjectId, string? Sort) : IQuery<ReportList>;
