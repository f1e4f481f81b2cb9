namespace Analytics.Api.Shared.Sources.Upstream.Contracts;

/// <summary>Assessment `GET /organizations/{orgId}/assessments`.</summary>
public sealed record AssessmentItem(
    string? Id,
    string? CourseId,
    string? ModuleId,
    string? Title,
    string? Kind,
    DateOnly? DueOn,
    decimal? Weight,
    decimal? PassThresholdPct,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? DeletedAt);
