namespace Analytics.Api.Shared.Sources.Upstream.Contracts;

/// <summary>Content Studio `GET /organizations/{orgId}/content`: a content item of a course, in a module when `moduleId` is set.</summary>
public sealed record ContentItem(
    string? Id,
    string? CourseId,
    string? ModuleId,
    string? Title,
    string? Type,
    string? SourceType,
    string? CreationMethod,
    int? DurationSeconds,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? DeletedAt);
