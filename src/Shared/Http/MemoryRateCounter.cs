using System.Collections.Concurrent;

namespace Analytics.Api.Shared.Http;

/// <summary>
/// Fixed windows in this instance's memory: a key's window opens with its first request and lasts the class's window; a rejected
/// request does not count. Ended windows are swept every few thousand hits, so the map holds only keys seen within a window.
/// </summary>
public sealed class MemoryRateCounter(TimeProvider timeProvider) : IRateCounter
{
    private const int SweepEvery = 4096;

    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private long _hits;

    public int Count => _windows.Count;

    public ValueTask<RateDecision> HitAsync(string key, RateLimitSettings settings, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Hit(key, settings));

    public RateDecision Hit(string key, RateLimitSettings settings)
    {
        var now = timeProvider.GetUtcNow();
        if (Interlocked.Increment(ref _hits) % SweepEvery == 0)
        {
            Sweep(now);
        }

        var window = _windows.GetOrAdd(key, _ => new Window());
        lock (window)
        {
            if (window.EndsAt <= now)
            {
                window.Count = 0;
                window.EndsAt = now.AddSeconds(settings.WindowSeconds);
            }

            var allowed = window.Count < settings.Limit;
            if (allowed)
            {
                window.Count++;
            }

            var reset = Math.Max(1, (int)Math.Ceiling((window.EndsAt - now).TotalSeconds));
            return new RateDecision(allowed, Math.Max(0, settings.Limit - window.Count), reset);
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, window) in _windows)
        {
            if (window.EndsAt <= now)
            {
                _windows.TryRemove(new KeyValuePair<string, Window>(key, window));
            }
        }
    }

    private sealed class Window
    {
        public int Count { get; set; }

        public DateTimeOffset EndsAt { get; set; } = DateTimeOffset.MinValue;
    }
}
