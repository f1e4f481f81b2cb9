namespace Analytics.Api.Shared.Sources.Upstream.Contracts;

/// <summary>Skills Engine `GET /skills` (platform): `prerequisites` is the complete set of required skill ids.</summary>
public sealed record SkillItem(
    string? Id,
    string? Name,
    string? Category,
    int? MarketDemand,
    IReadOnlyList<string>? Prerequisites,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? DeletedAt);
