namespace Analytics.Api.Shared.Freshness;

/// <summary>
/// A snapshot row as read back: the API data object, what the envelope reports about it, and the hash of the inputs it was
/// computed from (<see cref="SnapshotStore.InputsHash(IAnalyticResult)"/>).
/// </summary>
public sealed record StoredSnapshot(
    string Payload,
    DateTimeOffset ComputedAt,
    DateTimeOffset? DataAsOf,
    string Source,
    bool Degraded,
    string? Suppression,
    byte[] InputsHash);
