using System.Text.Json;

namespace Analytics.Api.Shared.Sources.Upstream.Contracts;

/// <summary>Directory `GET /organizations/{orgId}/value-propositions` (skill targets): `requiredLevel` is 1–4 or a level name (Beginner…Expert).</summary>
public sealed record ValuePropositionItem(
    string? Id,
    string? DepartmentId,
    string? SkillId,
    JsonElement? RequiredLevel,
    string? BusinessPriority,
    string? ValueProposition,
    int? CareerImpact,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? DeletedAt);
