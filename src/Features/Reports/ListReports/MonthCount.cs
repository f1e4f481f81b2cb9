namespace Analytics.Api.Features.Reports.ListReports;

public sealed record MonthCount(string Month, int Count);
