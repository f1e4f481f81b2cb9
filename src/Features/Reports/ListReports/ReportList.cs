using Analytics.Api.Features.Reports.Shared;
using Analytics.Api.Shared.Http;

namespace Analytics.Api.Features.Reports.ListReports;

/// <summary>The list body of API.md §4.7.</summary>
public sealed record ReportList(
    ReportListSummary Summary,
    IReadOnlyList<ReportResource> Reports,
    IReadOnlyList<ReportTypeCount> ReportTypes,
    ReportTrends Trends,
    Pagination Pagination);
