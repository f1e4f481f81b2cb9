using System.Collections.Concurrent;
using Polly.CircuitBreaker;

namespace Analytics.Api.Shared.Sources.Upstream;

/// <summary>
/// What this instance knows about one service's calls (SOURCES.md §3.5, API.md §4.9): the state of its two breakers (5
/// consecutive failures; ≥ 50 % of ≥ 10 calls in 60 s), one manual control that closes both, when the breaker last opened,
/// the consecutive failed attempts, the last error and the attempt latencies of the last 15 minutes.
/// </summary>
public sealed class UpstreamCircuit(UpstreamService service, TimeProvider timeProvider)
{
    private static readonly TimeSpan LatencyWindow = TimeSpan.FromMinutes(15);
    private readonly ConcurrentQueue<(DateTimeOffset At, double Milliseconds)> _latencies = new();
    private int _consecutiveFailures;

    public UpstreamService Service { get; } = service;

    public CircuitBreakerStateProvider Consecutive { get; } = new();

    public CircuitBreakerStateProvider Ratio { get; } = new();

    public CircuitBreakerManualControl Control { get; } = new();

    public DateTimeOffset? OpenedAt { get; private set; }

    public DateTimeOffset? NextAttemptAt { get; private set; }

    public UpstreamError? LastError { get; private set; }

    public int ConsecutiveFailures => Volatile.Read(ref _consecutiveFailures);

    /// <summary>When this instance last completed a pass of this service.</summary>
    public DateTimeOffset? LastSyncSuccessAt { get; private set; }

    public void PassSucceeded() => LastSyncSuccessAt = timeProvider.GetUtcNow();

    /// <summary>`closed`, `open` or `half-open`: open when either breaker is open (or isolated), half-open while one probes.</summary>
    public string State =>
        Consecutive.CircuitState is CircuitState.Open or CircuitState.Isolated || Ratio.CircuitState is CircuitState.Open or CircuitState.Isolated
            ? "open"
            : Consecutive.CircuitState == CircuitState.HalfOpen || Ratio.CircuitState == CircuitState.HalfOpen
                ? "half-open"
                : "closed";

    /// <summary>The gauge value of `upstream_breaker_state`: 0 closed, 1 half-open, 2 open.</summary>
    public int StateGauge => State switch { "open" => 2, "half-open" => 1, _ => 0 };

    public void Opened(TimeSpan breakDuration)
    {
        var now = timeProvider.GetUtcNow();
        OpenedAt = now;
        NextAttemptAt = now + breakDuration;
    }

    public void Closed() => NextAttemptAt = null;

    public void Succeeded(TimeSpan elapsed)
    {
        Interlocked.Exchange(ref _consecutiveFailures, 0);
        Record(elapsed);
    }

    public void Failed(TimeSpan elapsed, string code, string message)
    {
        Interlocked.Increment(ref _consecutiveFailures);
        LastError = new UpstreamError(code, message, timeProvider.GetUtcNow());
        Record(elapsed);
    }

    /// <summary>Closes both breakers (operator reset) and forgets the failure count.</summary>
    public async Task ResetAsync()
    {
        await Control.CloseAsync();
        Interlocked.Exchange(ref _consecutiveFailures, 0);
        NextAttemptAt = null;
    }

    /// <summary>The 95th percentile of the attempt latencies of the last 15 minutes, or null without calls.</summary>
    public double? P95LatencyMs()
    {
        var since = timeProvider.GetUtcNow() - LatencyWindow;
        while (_latencies.TryPeek(out var oldest) && oldest.At < since)
        {
            _latencies.TryDequeue(out _);
        }

        var values = _latencies.Where(l => l.At >= since).Select(l => l.Milliseconds).Order().ToArray();
        return values.Length == 0 ? null : Math.Round(values[(int)Math.Ceiling(values.Length * 0.95) - 1], 1);
    }

    private void Record(TimeSpan elapsed)
    {
        _latencies.Enqueue((timeProvider.GetUtcNow(), elapsed.TotalMilliseconds));
        while (_latencies.Count > 10_000 && _latencies.TryDequeue(out _))
        {
        }
    }
}
