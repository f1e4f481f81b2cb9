namespace Analytics.Api.Shared.Sources.Upstream.Contracts;

/// <summary>Auth `GET /organizations/{orgId}/sessions`: logins; only successful ones are stored.</summary>
public sealed record SessionItem(
    string? Id,
    string? UserId,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    int? DurationSeconds,
    bool? Successful,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? DeletedAt);
