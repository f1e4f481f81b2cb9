namespace Analytics.Api.Features.Reports.Shared.Schedules;

/// <summary>A `reporting.report_schedules` row as stored (settable: Dapper maps `text[]` onto properties).</summary>
public sealed class ScheduleRow
{
    public string Id { get; set; } = string.Empty;

    public string OwnerId { get; set; } = string.Empty;

    public string Role { get; set; } = string.Empty;

    public string TemplateId { get; set; } = string.Empty;

    public string SubjectType { get; set; } = string.Empty;

    public string SubjectId { get; set; } = string.Empty;

    public string Format { get; set; } = string.Empty;

    public string Cron { get; set; } = string.Empty;

    public string TimeZone { get; set; } = "UTC";

    public string Name { get; set; } = string.Empty;

    public string[] Analytics { get; set; } = [];

    public string Period { get; set; } = SchedulePeriods.Last30Days;

    public string Delivery { get; set; } = "{}";

    public bool Enabled { get; set; }

    public DateTimeOffset? NextRunAt { get; set; }

    public DateTimeOffset? LastRunAt { get; set; }

    public string? LastRunStatus { get; set; }

    public string? LastReportId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public ScheduleDelivery ReadDelivery() => ScheduleDelivery.Parse(Delivery);
}
