namespace Analytics.Api.Shared.Analytics;

/// <summary>An analytic result seen without its payload type, for composing overviews.</summary>
public interface IAnalyticResult
{
    string Analytic { get; }

    AnalyticPayload PayloadBase { get; }

    AnalyticSubject Subject { get; }

    DateTimeOffset ComputedAt { get; }

    DateTimeOffset? DataAsOf { get; }

    string Source { get; }

    ServedFrom ServedFrom { get; }

    SuppressionInfo? Suppression { get; }

    IReadOnlyList<string> DegradedUpstreams { get; }
}
