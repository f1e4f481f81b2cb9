using System.Text.Json;
using System.Text.Json.Serialization;

namespace Analytics.Api.Features.Refresh.RequestRefresh;

/// <summary>
/// The refresh body as sent (API.md §4.6): the subject under `userId` (aliases `user_id`, `subjectId`), an optional role family,
/// and `analytics` as an array of ids or — what the web app sends — a role name meaning "all of that family".
/// </summary>
public sealed record RefreshRequest(
    string? UserId,
    [property: JsonPropertyName("user_id")] string? UserIdSnake,
    string? SubjectId,
    string? Role,
    JsonElement? Analytics)
{
    public string? Subject => UserId ?? UserIdSnake ?? SubjectId;
}
