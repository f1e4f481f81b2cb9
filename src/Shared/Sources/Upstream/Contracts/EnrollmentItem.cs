namespace Analytics.Api.Shared.Sources.Upstream.Contracts;

/// <summary>Course Builder `GET /organizations/{orgId}/enrollments` (SOURCES.md §3.4); dates are the learner's local days.</summary>
public sealed record EnrollmentItem(
    string? Id,
    string? CourseId,
    string? UserId,
    DateOnly? EnrolledAt,
    string? EnrollmentType,
    string? Status,
    decimal? Progress,
    DateOnly? CompletedAt,
    DateOnly? WithdrawnAt,
    string? FinalResult,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? DeletedAt);
