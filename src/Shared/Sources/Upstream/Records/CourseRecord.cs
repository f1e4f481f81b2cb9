using System.Text.Json.Nodes;

namespace Analytics.Api.Shared.Sources.Upstream.Records;

/// <summary>A row of lrs.courses (DATA_MODEL.md §1.1); a null organisation is a platform-wide course, null dates a self-paced one.</summary>
public readonly record struct CourseRecord(
    string Id,
    string? OrganisationId,
    string Title,
    string? Category,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    int? LengthDays,
    JsonObject Attributes);
