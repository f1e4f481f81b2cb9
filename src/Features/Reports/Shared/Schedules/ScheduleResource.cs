using System.Text.Json.Serialization;

namespace Analytics.Api.Features.Reports.Shared.Schedules;

/// <summary>The schedule object of API.md §4.7; `webhookSecret` only in the creation response of a webhook schedule.</summary>
public sealed record ScheduleResource(
    string Id,
    string Name,
    string Type,
    string Format,
    string UserId,
    string TemplateId,
    IReadOnlyList<string> Analytics,
    string Cron,
    string TimeZone,
    string Period,
    DeliveryResource Delivery,
    bool Enabled,
    string ActiveRole,
    DateTimeOffset? NextRunAt,
    DateTimeOffset? LastRunAt,
    string? LastRunStatus,
    string? LastReportId,
    DateTimeOffset CreatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? WebhookSecret = null)
{
    public static ScheduleResource Of(ScheduleRow row, string? webhookSecret = null) => new(
        row.Id, row.Name, row.SubjectType, row.Format, row.SubjectId, row.TemplateId, row.Analytics, row.Cron, row.TimeZone, row.Period,
        row.ReadDelivery().ToResource(), row.Enabled, row.Role, row.NextRunAt, row.LastRunAt, row.LastRunStatus, row.LastReportId,
        row.CreatedAt, webhookSecret);
}
