namespace Analytics.Api.Shared.Sources.Upstream.Contracts;

/// <summary>Skills Engine `GET /skill-mappings?organizationId=`: a skill taught by a course (`moduleId` null) or by a module.</summary>
public sealed record SkillMappingItem(
    string? CourseId,
    string? ModuleId,
    string? SkillId,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? DeletedAt);
