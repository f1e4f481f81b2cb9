using System.Diagnostics;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Errors;
using Analytics.Api.Shared.Observability;
using Mediator;
using Microsoft.Extensions.Caching.Hybrid;

namespace Analytics.Api.Shared.Behaviours;

/// <summary>
/// Innermost behaviour: serves cacheable queries from HybridCache (memory, plus Redis when configured) with the lifetime of
/// their category, and marks a result that came from the cache as served from memory.
/// </summary>
public sealed class CachingBehaviour<TMessage, TResponse>(HybridCache cache, CacheLifetimes lifetimes, ComputeBudget computeBudget)
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

        var lifetime = cacheable.IsFiltered ? CacheLifetimes.Filtered : lifetimes.For(cacheable.Category);
        var computed = false;
        // A computation gets the budget of API.md §1.6 (5 s); past it the read is 503 DATA_UNAVAILABLE, never a hung request.
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(computeBudget.Limit);
        TResponse result;
        try
        {
            result = await cache.GetOrCreateAsync(
                cacheable.CacheKey,
                (message, next),
                async (state, ct) =>
                {
                    computed = true;
                    var started = Stopwatch.GetTimestamp();
                    var value = await state.next(state.message, ct);
                    // Timed here, once for every analytic, rather than in each handler.
                    AnalyticsTelemetry.ComputeDuration.Record(
                        Stopwatch.GetElapsedTime(started).TotalSeconds,
                        new KeyValuePair<string, object?>("analytic", value is IAnalyticResult analytic ? analytic.Analytic : MessageName));
                    return value;
                },
                new HybridCacheEntryOptions { Expiration = lifetime, LocalCacheExpiration = lifetime },
                [cacheable.Category.ToString()],
                budget.Token);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw Problems.DataUnavailable(
                $"The analytic could not be computed within {computeBudget.Limit.TotalSeconds:0.#} seconds; it has been asked for again, retry shortly.");
        }

        AnalyticsTelemetry.CacheRequests.Add(1,
            new KeyValuePair<string, object?>("layer", "memory"),
            new KeyValuePair<string, object?>("result", computed ? "miss" : "hit"));
        return !computed && result is IServedFromAware aware ? (TResponse)aware.WithServedFrom(ServedFrom.Memory) : result;
    }
}
