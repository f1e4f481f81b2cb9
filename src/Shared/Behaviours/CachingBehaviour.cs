using System.Diagnostics;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Errors;
using Analytics.Api.Shared.Freshness;
using Analytics.Api.Shared.Observability;
using Analytics.Api.Shared.Sources.Upstream;
using Mediator;
using Microsoft.Extensions.Caching.Hybrid;
using Npgsql;

namespace Analytics.Api.Shared.Behaviours;

/// <summary>
/// Innermost behaviour: the three read layers of PRODUCT.md decision 9. A read goes memory (HybridCache, with Redis when
/// configured) → stored snapshot (default views only) → computation, which is stored as the snapshot; the result says which
/// layer answered. A stale answer (older than 6 h) is returned at once and queues one recalculation of its subject.
/// </summary>
public sealed partial class CachingBehaviour<TMessage, TResponse>(
    HybridCache cache,
    CacheLifetimes lifetimes,
    ComputeBudget computeBudget,
    SnapshotStore snapshots,
    RefreshJobs refreshes,
    Staleness staleness,
    UpstreamCoverage coverage,
    TimeProvider timeProvider,
    ILogger<CachingBehaviour<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly string MessageName = typeof(TMessage).Name;

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not ICacheableQuery cacheable)
        {
            return await next(message, cancellationToken);
        }

        var snapshotKey = SnapshotCodec<TResponse>.Decode is null ? null : cacheable.Snapshot;
        var lifetime = cacheable.IsFiltered ? CacheLifetimes.Filtered : lifetimes.For(cacheable.Category);
        var layer = ServedFrom.Memory;
        // SOURCES.md §3.6: in the upstream modes, the analytic's failing services; below 80 % coverage nothing is computed.
        var covered = await CoverageAsync(cacheable, cancellationToken);
        // A computation gets the budget of API.md §1.6 (5 s); past it the read is 503 DATA_UNAVAILABLE, never a hung request.
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(computeBudget.Limit);
        TResponse result;
        try
        {
            result = await cache.GetOrCreateAsync(
                cacheable.CacheKey,
                async ct =>
                {
                    var (value, servedFrom) = await LoadAsync(message, next, snapshotKey, covered, ct);
                    layer = servedFrom;
                    return value;
                },
                new HybridCacheEntryOptions { Expiration = lifetime, LocalCacheExpiration = lifetime },
                Tags(cacheable),
                budget.Token);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            if (snapshotKey is not null)
            {
                // API.md §1.5: the computation is queued, so a retry finds the snapshot.
                _ = RequestRefreshAsync(snapshotKey, "first-read", CancellationToken.None);
            }

            throw Problems.DataUnavailable(
                $"The analytic could not be computed within {computeBudget.Limit.TotalSeconds:0.#} seconds; it has been asked for again, retry shortly.");
        }

        Count("memory", layer == ServedFrom.Memory);
        if (snapshotKey is not null && result is IAnalyticResult analytic && staleness.IsStale(analytic.ComputedAt, timeProvider.GetUtcNow()))
        {
            await RequestRefreshAsync(snapshotKey, "stale-read", cancellationToken);
        }

        if (layer == ServedFrom.Memory && result is IServedFromAware aware)
        {
            result = (TResponse)aware.WithServedFrom(ServedFrom.Memory);
        }

        return covered.DegradedUpstreams.Count > 0 && result is IDegradationAware degradable
            ? (TResponse)degradable.WithDegradedUpstreams(covered.DegradedUpstreams)
            : result;
    }

    /// <summary>The coverage of the analytic named by the cache key (`analytics:&lt;type&gt;:&lt;id&gt;:&lt;role&gt;:&lt;analytic&gt;…`).</summary>
    private async ValueTask<Coverage> CoverageAsync(ICacheableQuery cacheable, CancellationToken cancellationToken)
    {
        if (!coverage.Active)
        {
            return Coverage.Full;
        }

        var parts = cacheable.CacheKey.Split(':', 6);
        return parts.Length >= 5 && parts[0] == "analytics" && parts[1] != "platform"
            ? await coverage.ForSubjectAsync(parts[2], parts[4], cancellationToken)
            : Coverage.Full;
    }

    private async Task<(TResponse Value, ServedFrom Layer)> LoadAsync(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, SnapshotKey? snapshotKey, Coverage covered, CancellationToken cancellationToken)
    {
        if (snapshotKey is not null)
        {
            var stored = await snapshots.ReadAsync(snapshotKey, cancellationToken);
            Count("snapshot", stored is not null);
            if (stored is not null)
            {
                try
                {
                    return (SnapshotCodec<TResponse>.Decode!(stored, snapshotKey, snapshots.SerializerOptions), ServedFrom.Snapshot);
                }
                catch (System.Text.Json.JsonException exception)
                {
                    // A payload of an older shape: recompute rather than fail the read.
                    LogUnreadableSnapshot(snapshotKey.Analytic, snapshotKey.SubjectId, exception);
                }
            }
        }

        if (!covered.AllowsComputation)
        {
            // No snapshot and too many of the analytic's services failing: never a number computed from data that old (§3.6).
            throw Problems.DataUnavailable(
                $"Too many of this analytic's upstream services are failing ({string.Join(", ", covered.DegradedUpstreams)}); retry later.");
        }

        var started = Stopwatch.GetTimestamp();
        var value = await next(message, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        // Timed here, once for every analytic, rather than in each handler.
        AnalyticsTelemetry.ComputeDuration.Record(
            elapsed.TotalSeconds,
            new KeyValuePair<string, object?>("analytic", value is IAnalyticResult computed ? computed.Analytic : MessageName));
        if (snapshotKey is not null && value is IAnalyticResult result)
        {
            await StoreAsync(new SnapshotWrite(snapshotKey, result, (int)elapsed.TotalMilliseconds, null), cancellationToken);
        }

        return (value, ServedFrom.Computed);
    }

    /// <summary>Storing is best effort: the computed answer is returned even when the write fails.</summary>
    private async Task StoreAsync(SnapshotWrite write, CancellationToken cancellationToken)
    {
        try
        {
            await snapshots.WriteAsync([write], cancellationToken);
        }
        catch (NpgsqlException exception)
        {
            LogSnapshotWriteFailed(write.Key.Analytic, write.Key.SubjectId, exception);
        }
    }

    private async Task RequestRefreshAsync(SnapshotKey key, string trigger, CancellationToken cancellationToken)
    {
        try
        {
            await refreshes.RequestAsync(key, trigger, cancellationToken);
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            LogRefreshRequestFailed(key.Analytic, key.SubjectId, exception);
        }
    }

    /// <summary>The category, and the subject (`analytics:&lt;type&gt;:&lt;id&gt;:&lt;role&gt;:…`) so its refresh drops every view.</summary>
    private static string[] Tags(ICacheableQuery cacheable)
    {
        var parts = cacheable.CacheKey.Split(':', 5);
        return parts.Length == 5 && parts[0] == "analytics"
            ? [cacheable.Category.ToString(), new RefreshSubject(parts[1], parts[2], parts[3]).CacheTag]
            : [cacheable.Category.ToString()];
    }

    private static void Count(string layer, bool hit) =>
        AnalyticsTelemetry.CacheRequests.Add(1,
            new KeyValuePair<string, object?>("layer", layer),
            new KeyValuePair<string, object?>("result", hit ? "hit" : "miss"));

    [LoggerMessage(Level = LogLevel.Warning, Message = "The stored {Analytic} snapshot of {SubjectId} could not be read; recomputing")]
    private partial void LogUnreadableSnapshot(string analytic, string subjectId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing the {Analytic} snapshot of {SubjectId} failed")]
    private partial void LogSnapshotWriteFailed(string analytic, string subjectId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queuing a recalculation of {Analytic} for {SubjectId} failed")]
    private partial void LogRefreshRequestFailed(string analytic, string subjectId, Exception exception);
}
