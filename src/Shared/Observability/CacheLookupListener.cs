using System.Diagnostics.Metrics;

namespace Analytics.Api.Shared.Observability;

/// <summary>
/// Listens to `analytics_cache_requests_total` (tags `layer`, `result`) where the caching layer emits it and feeds the lookups
/// into <see cref="RequestWindow"/>, so the hit rates of `/api/status` need no change to the emitting code.
/// </summary>
public sealed class CacheLookupListener(RequestWindow window) : IHostedService, IDisposable
{
    public const string InstrumentName = "analytics_cache_requests_total";

    private MeterListener? _listener;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                // By name, not by reference: the instrument is published while AnalyticsTelemetry's static fields are still
                // being initialised, so the field can be null at this point.
                if (instrument.Meter.Name == AnalyticsTelemetry.Name && instrument.Name == InstrumentName)
                {
                    listener.EnableMeasurementEvents(instrument, window);
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>(OnLookup);
        _listener.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _listener?.Dispose();
        _listener = null;
    }

    private static void OnLookup(Instrument instrument, long count, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        string? layer = null, result = null;
        foreach (var tag in tags)
        {
            switch (tag.Key)
            {
                case "layer":
                    layer = tag.Value as string;
                    break;
                case "result":
                    result = tag.Value as string;
                    break;
            }
        }

        ((RequestWindow)state!).RecordCacheLookup(layer, result == "hit", count);
    }
}
