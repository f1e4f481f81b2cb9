using System.Text.Json.Serialization;

namespace Analytics.Api.Features.Reports.GenerateReport;

/// <summary>The generate body of API.md §4.7 as sent; the subject under `userId` (aliases `user_id`, `subjectId`).</summary>
public sealed record GenerateReportRequest(
    string? Type,
    string? Format,
    string? UserId,
    [property: JsonPropertyName("user_id")] string? UserIdSnake,
    string? SubjectId,
    string? TemplateId,
    IReadOnlyList<string?>? Analytics,
    string? From,
    string? To,
    string? Title,
    string? TimeZone)
{
    public string? Subject => UserId ?? UserIdSnake ?? SubjectId;
}
