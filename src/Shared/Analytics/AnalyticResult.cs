using System.ComponentModel;

namespace Analytics.Api.Shared.Analytics;

/// <summary>One computed analytic with the facts the envelope reports about it (API.md §1.2).</summary>
[ImmutableObject(true)]
public sealed record AnalyticResult<TPayload>(
    string Analytic,
    TPayload Payload,
    AnalyticSubject Subject,
    DateTimeOffset ComputedAt,
    DateTimeOffset? DataAsOf,
    string Source,
    ServedFrom ServedFrom = ServedFrom.Computed) : IServedFromAware, IDegradationAware, IAnalyticResult
    where TPayload : AnalyticPayload
{
    /// <summary>Set when figures were withheld (k-anonymity or an opt-out), reported as `meta.suppression`.</summary>
    public SuppressionInfo? Suppression { get; init; }

    /// <summary>The upstream services failing for this analytic when it was read (SOURCES.md §3.6); empty when not degraded.</summary>
    public IReadOnlyList<string> DegradedUpstreams { get; init; } = [];

    public AnalyticPayload PayloadBase => Payload;

    public object WithServedFrom(ServedFrom servedFrom) => this with { ServedFrom = servedFrom };

    public object WithDegradedUpstreams(IReadOnlyList<string> upstreams) => this with { DegradedUpstreams = upstreams };
}
