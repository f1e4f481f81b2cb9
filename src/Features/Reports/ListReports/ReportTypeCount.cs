namespace Analytics.Api.Features.Reports.ListReports;

public sealed record ReportTypeCount(string Type, string Name, int Count);
