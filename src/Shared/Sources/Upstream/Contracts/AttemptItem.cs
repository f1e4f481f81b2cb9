namespace Analytics.Api.Shared.Sources.Upstream.Contracts;

/// <summary>Assessment `GET /organizations/{orgId}/attempts` (SOURCES.md §3.4): `submittedOn` is the learner's local day, else the UTC day of `completedAt`.</summary>
public sealed record AttemptItem(
    string? Id,
    string? AssessmentId,
    string? UserId,
    int? AttemptNumber,
    DateTimeOffset? CompletedAt,
    DateOnly? SubmittedOn,
    decimal? Percentage,
    int? TimeSpent,
    bool? IsBanked,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? DeletedAt);
