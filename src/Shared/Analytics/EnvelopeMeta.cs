namespace Analytics.Api.Shared.Analytics;

/// <summary>`meta` of the analytics envelope (API.md §1.2).</summary>
public sealed record EnvelopeMeta(
    DateTimeOffset ComputedAt,
    string ServedFrom,
    DateTimeOffset? DataAsOf,
    string Source,
    bool Degraded,
    IReadOnlyList<string> DegradedUpstreams,
    string? DefinitionVersion,
    string ActiveRole,
    AnalyticSubject Subject,
    bool Refreshing,
    string? RefreshJobId,
    object? Suppression,
    object? Unavailable);
