namespace Analytics.Api.Features.Reports.Shared.Schedules;

/// <summary>The webhook body of API.md §4.7; `downloadUrl` is a signed link (24 h), null for a failed report.</summary>
public sealed record WebhookEvent(
    string Event, string ReportId, string ScheduleId, string Title, string Format, string? DownloadUrl, DateTimeOffset ExpiresAt)
{
    public const string Completed = "report.completed";
    public const string Failed = "report.failed";
}
