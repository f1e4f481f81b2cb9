using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Analytics.Api.Shared.Observability;

/// <summary>The service's own traces and metrics (API.md §4.10 `/metrics` names).</summary>
public static class AnalyticsTelemetry
{
    public const string Name = "Analytics.Api";

    public static readonly ActivitySource ActivitySource = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Histogram<double> MessageDuration = Meter.CreateHistogram<double>(
        "analytics_message_duration_seconds", "s", "Duration of one mediator message, by message type and outcome.");

    public static readonly Histogram<double> ComputeDuration = Meter.CreateHistogram<double>(
        "analytics_compute_duration_seconds", "s", "Duration of computing one analytic from the store.");

    public static readonly Counter<long> CacheRequests = Meter.CreateCounter<long>(
        "analytics_cache_requests_total", description: "Analytics cache lookups by layer and result.");

    /// <summary>Recorded by the nightly recalculation once per run.</summary>
    public static readonly Histogram<double> RecalculationDuration = Meter.CreateHistogram<double>(
        "analytics_recalculation_duration_seconds", "s", "Duration of one recalculation run.");

    /// <summary>Snapshots written by recalculation runs.</summary>
    public static readonly Counter<long> RecalculationRows = Meter.CreateCounter<long>(
        "analytics_recalculation_rows_total", description: "Snapshots written by recalculation runs.");

    public static readonly Counter<long> Logins = Meter.CreateCounter<long>(
        "analytics_logins_total", description: "Login attempts by outcome.");

    /// <summary>Requests refused with 429 by a rate class of API.md §5, by class (`policy`).</summary>
    public static readonly Counter<long> RateLimitRejections = Meter.CreateCounter<long>(
        "rate_limit_rejections_total", description: "Requests refused by a rate limit, by rate class.");
}
