namespace Analytics.Api.Shared.Sources.Upstream.Contracts;

/// <summary>DevLab `GET /organizations/{orgId}/practice-sessions`: `status == "passed"` is a pass.</summary>
public sealed record PracticeSessionItem(
    string? Id,
    string? UserId,
    string? ModuleId,
    string? SkillId,
    DateTimeOffset? StartedAt,
    string? Status,
    decimal? Score,
    int? Attempts,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? DeletedAt);
