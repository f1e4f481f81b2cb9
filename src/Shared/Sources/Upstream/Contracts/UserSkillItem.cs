using System.Text.Json;

namespace Analytics.Api.Shared.Sources.Upstream.Contracts;

/// <summary>Skills Engine `GET /organizations/{orgId}/user-skills` (SOURCES.md §3.4): `level` is Missing…Expert or 0–4.</summary>
public sealed record UserSkillItem(
    string? UserId,
    string? SkillId,
    JsonElement? Level,
    bool? Acquired,
    DateTimeOffset? AcquiredAt,
    DateOnly? AcquiredOn,
    string? AcquisitionMethod,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? DeletedAt);
