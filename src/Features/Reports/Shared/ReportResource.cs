namespace Analytics.Api.Features.Reports.Shared;

/// <summary>The report object of API.md §4.7.</summary>
public sealed record ReportResource(
    string Id,
    string Title,
    string Type,
    string Format,
    string Status,
    string SubjectId,
    string ActiveRole,
    string? TemplateId,
    IReadOnlyList<string> Analytics,
    DateOnly From,
    DateOnly To,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? GeneratedAt,
    DateTimeOffset ExpiresAt,
    long? FileSize,
    int DownloadCount,
    string? DownloadUrl,
    string? ScheduleId,
    ReportError? Error)
{
    public const string GenerationFailed = "REPORT_GENERATION_FAILED";

    public static ReportResource Of(ReportRow row)
    {
        var parameters = row.ReadParameters();
        var completed = row.Status == ReportStatuses.Completed;
        return new ReportResource(
            row.Id,
            row.Title,
            row.SubjectType,
            row.Format,
            row.Status,
            row.SubjectId,
            row.Role,
            row.TemplateId,
            row.Analytics,
            parameters.From,
            parameters.To,
            row.CreatedAt,
            row.StartedAt,
            row.CompletedAt,
            row.CompletedAt,
            row.ExpiresAt,
            completed ? row.FileSize : null,
            row.DownloadCount,
            completed ? $"/api/v1/reports/{row.Id}/download" : null,
            row.ScheduleId,
            row.Status == ReportStatuses.Failed ? new ReportError(GenerationFailed, row.Error ?? "The report could not be generated.") : null);
    }
}
