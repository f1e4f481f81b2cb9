namespace Analytics.Api.Shared.Analytics;

/// <summary>The analytics envelope of API.md §1.2; `data` is the payload, serialised as its runtime type.</summary>
public sealed record AnalyticsEnvelope(
    object Data,
    bool Cached,
    DateTimeOffset LastUpdated,
    DateTimeOffset ExpiresAt,
    bool IsStale,
    string Staleness,
    EnvelopeMeta Meta);
