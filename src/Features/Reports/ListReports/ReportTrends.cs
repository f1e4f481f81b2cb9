namespace Analytics.Api.Features.Reports.ListReports;

public sealed record ReportTrends(IReadOnlyList<MonthCount> Monthly, IReadOnlyList<FormatCount> FormatDistribution);
