namespace Analytics.Api.Features.Reports.Shared;

/// <summary>A `reporting.report_jobs` row as stored (settable: Dapper maps `text[]` onto properties, not constructors).</summary>
public sealed class ReportRow
{
    public string Id { get; set; } = string.Empty;

    public string? RequestedBy { get; set; }

    public string Role { get; set; } = string.Empty;

    public string SubjectType { get; set; } = string.Empty;

    public string SubjectId { get; set; } = string.Empty;

    public string OrganisationId { get; set; } = string.Empty;

    public string? TemplateId { get; set; }

    public string[] Analytics { get; set; } = [];

    public string Format { get; set; } = string.Empty;

    public string Parameters { get; set; } = "{}";

    public string Title { get; set; } = string.Empty;

    public string Status { get; set; } = string.Empty;

    public short Progress { get; set; }

    public string? Error { get; set; }

    public string? ScheduleId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public int DownloadCount { get; set; }

    public long? FileSize { get; set; }

    public string? Preview { get; set; }

    public ReportParameters ReadParameters() => ReportParameters.Parse(Parameters);
}
