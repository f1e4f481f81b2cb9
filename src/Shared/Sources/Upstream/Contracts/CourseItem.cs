using System.Text.Json.Nodes;

namespace Analytics.Api.Shared.Sources.Upstream.Contracts;

/// <summary>Course Builder `GET /organizations/{orgId}/courses`: `trainerIds` and `modules` are the complete sets of the course.</summary>
public sealed record CourseItem(
    string? Id,
    string? OrganizationId,
    string? Title,
    string? Category,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    int? LengthDays,
    IReadOnlyList<string>? TrainerIds,
    IReadOnlyList<CourseModule>? Modules,
    JsonObject? Attributes,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? DeletedAt);
