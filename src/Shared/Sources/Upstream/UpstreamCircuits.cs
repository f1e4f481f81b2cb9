using System.Diagnostics.Metrics;

namespace Analytics.Api.Shared.Sources.Upstream;

/// <summary>The <see cref="UpstreamCircuit"/> of each of the nine services in this instance, and each one's settings.</summary>
public sealed class UpstreamCircuits
{
    private readonly Dictionary<string, UpstreamCircuit> _circuits;
    private readonly Dictionary<string, UpstreamOptions> _options;

    public UpstreamCircuits(IConfiguration configuration, TimeProvider timeProvider, IMeterFactory meterFactory)
    {
        _circuits = UpstreamServices.All.ToDictionary(s => s.Name, s => new UpstreamCircuit(s, timeProvider));
        _options = UpstreamServices.All.ToDictionary(s => s.Name, s => UpstreamOptions.For(configuration, s));
        // `/metrics` (API.md §4.10), for the configured services of this instance; units unset, the names end in theirs.
        var meter = meterFactory.Create(Observability.AnalyticsTelemetry.Name);
        meter.CreateObservableGauge("upstream_breaker_state",
            () => Configured.Select(s => new Measurement<int>(_circuits[s.Name].StateGauge, new KeyValuePair<string, object?>("upstream", s.Name))),
            description: "Circuit breaker of each upstream service on this instance: 0 closed, 1 half-open, 2 open.");
        meter.CreateObservableGauge("upstream_last_successful_sync_timestamp_seconds",
            () => Configured.Where(s => _circuits[s.Name].LastSyncSuccessAt is not null).Select(s => new Measurement<double>(
                _circuits[s.Name].LastSyncSuccessAt!.Value.ToUnixTimeSeconds(), new KeyValuePair<string, object?>("upstream", s.Name))),
            description: "Unix time of the last pass of each upstream service that this instance completed.");
        Rows = meter.CreateCounter<long>("sync_rows_total", description: "Rows of upstream syncs by entity and outcome (written, deleted, rejected).");
    }

    /// <summary>`sync_rows_total{source,entity,outcome}` (SOURCES.md §5).</summary>
    public Counter<long> Rows { get; }

    public UpstreamCircuit this[UpstreamService service] => _circuits[service.Name];

    public UpstreamOptions Options(UpstreamService service) => _options[service.Name];

    public IEnumerable<UpstreamCircuit> All => UpstreamServices.All.Select(s => _circuits[s.Name]);

    /// <summary>The services with a BaseUrl: only these provide entity kinds (SOURCES.md §3.1).</summary>
    public IReadOnlyList<UpstreamService> Configured => UpstreamServices.All.Where(s => _options[s.Name].Configured).ToArray();
}
