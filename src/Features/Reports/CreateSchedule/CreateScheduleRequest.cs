using System.Text.Json.Serialization;

namespace Analytics.Api.Features.Reports.CreateSchedule;

/// <summary>The schedule body of API.md §4.7 as sent; the subject under `userId` (aliases `user_id`, `subjectId`).</summary>
public sealed record CreateScheduleRequest(
    string? Name,
    string? Type,
    string? Format,
    string? UserId,
    [property: JsonPropertyName("user_id")] string? UserIdSnake,
    string? SubjectId,
    string? TemplateId,
    IReadOnlyList<string?>? Analytics,
    string? Cron,
    string? TimeZone,
    string? Period,
    DeliveryRequest? Delivery,
    bool? Enabled)
{
    public string? Subject => UserId ?? UserIdSnake ?? SubjectId;
}
