namespace Analytics.Api.Shared.Sources.Upstream.Contracts;

/// <summary>Directory `GET /organizations/{orgId}/mentoring`: one mentoring link, keyed by (mentor, mentee, startedOn).</summary>
public sealed record MentoringItem(
    string? Id,
    string? MentorId,
    string? MenteeId,
    DateOnly? StartedOn,
    DateOnly? EndedOn,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? DeletedAt);
