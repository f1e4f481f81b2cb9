namespace Analytics.Api.Shared.Sources.Upstream.Contracts;

/// <summary>Course Builder `GET /organizations/{orgId}/course-feedback`: a course rating 1–5.</summary>
public sealed record CourseFeedbackItem(
    string? Id,
    string? CourseId,
    string? UserId,
    int? Rating,
    string? Comment,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? DeletedAt);
