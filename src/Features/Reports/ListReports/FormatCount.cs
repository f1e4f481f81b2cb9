namespace Analytics.Api.Features.Reports.ListReports;

public sealed record FormatCount(string Format, int Count);
