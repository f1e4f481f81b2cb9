namespace Analytics.Api.Features.Reports.ListReports;

public sealed record ReportListSummary(
    int TotalReports, int CompletedReports, int ProcessingReports, int FailedReports, int ThisMonth, double SuccessRate, double AverageGenerationTime);
