using System.Diagnostics.Metrics;
using Analytics.Api.Shared.Database;
using Dapper;
using Npgsql;

namespace Analytics.Api.Shared.Observability;

/// <summary>
/// Reads the store-side gauges of `/metrics` (API.md §4.10) every `Metrics:StoreSampleSeconds` (15 s) in the background, so a
/// scrape only reads the last sample and never waits on the database. Until the first sample the gauges report nothing; after
/// a failed read they keep the last good sample (the failure is logged).
/// </summary>
public sealed partial class StoreSampler : BackgroundService
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<StoreSampler> _logger;
    private readonly TimeSpan _interval;
    private volatile StoreSample? _latest;

    public StoreSampler(
        NpgsqlDataSource dataSource, IMeterFactory meterFactory, IConfiguration configuration, TimeProvider timeProvider, ILogger<StoreSampler> logger)
    {
        _dataSource = dataSource;
        _timeProvider = timeProvider;
        _logger = logger;
        _interval = TimeSpan.FromSeconds(Math.Max(0.1, configuration.GetValue("Metrics:StoreSampleSeconds", 15.0)));

        // The meter shares the name the exporter subscribes to; the factory disposes it with the host.
        var meter = meterFactory.Create(AnalyticsTelemetry.Name);
        // Units stay unset: the names already end in their unit, and the Prometheus exporter would append it again.
        meter.CreateObservableGauge("analytics_snapshot_oldest_age_seconds", ObserveOldestSnapshotAge,
            description: "Age in seconds of the oldest stored analytics snapshot.");
        meter.CreateObservableGauge("analytics_refresh_queue_depth", ObserveQueueDepth,
            description: "Refresh jobs waiting in the queue.");
        meter.CreateObservableGauge("jobs", ObserveJobs,
            description: "Refresh and recalculation jobs queued and running now, and failed in the last 24 hours.");
    }

    /// <summary>The last good sample, or null before the first.</summary>
    public StoreSample? Latest => _latest;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_interval, _timeProvider);
        try
        {
            do
            {
                await SampleAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            _latest = await connection.QuerySingleAsync<StoreSample>(new CommandDefinition(
                SqlQueries.Get(StoreSample.QueryName),
                new { since = _timeProvider.GetUtcNow() - StoreSample.FailedWindow },
                cancellationToken: cancellationToken));
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            LogSampleFailed(exception);
        }
    }

    private IEnumerable<Measurement<double>> ObserveOldestSnapshotAge()
    {
        if (_latest?.OldestSnapshotAt is { } oldest)
        {
            yield return new Measurement<double>(Math.Max(0, (_timeProvider.GetUtcNow() - oldest).TotalSeconds));
        }
    }

    private IEnumerable<Measurement<long>> ObserveQueueDepth()
    {
        if (_latest is { } sample)
        {
            yield return new Measurement<long>(sample.RefreshQueued);
        }
    }

    private IEnumerable<Measurement<long>> ObserveJobs()
    {
        if (_latest is not { } sample)
        {
            yield break;
        }

        yield return Jobs("refresh", "queued", sample.RefreshQueued);
        yield return Jobs("refresh", "running", sample.RefreshRunning);
        yield return Jobs("refresh", "failed", sample.RefreshFailed);
        // A recalculation is never queued: it runs on its trigger or answers 409 JOB_ALREADY_RUNNING.
        yield return Jobs("recalculation", "queued", 0);
        yield return Jobs("recalculation", "running", sample.RecalculationRunning);
        yield return Jobs("recalculation", "failed", sample.RecalculationFailed);
    }

    private static Measurement<long> Jobs(string type, string status, int count) =>
        new(count, new KeyValuePair<string, object?>("type", type), new KeyValuePair<string, object?>("status", status));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the store for the metrics gauges failed; the last sample stays in place")]
    private partial void LogSampleFailed(Exception exception);
}
