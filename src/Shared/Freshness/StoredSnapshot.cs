namespace Analytics.Api.Shared.Freshness;

/// <summary>A snapshot row as read back: the API data object and what the envelope reports about it.</summary>
public sealed record StoredSnapshot(
    string Payload,
    DateTimeOffset ComputedAt,
    DateTimeOffset? DataAsOf,
    string Source,
    bool Degraded,
    string? Suppression);
