namespace Analytics.Api.Shared.Observability;

/// <summary>
/// This instance's traffic over a rolling 5-minute window (API.md §4.10 `/api/status` `metrics` and `cache`): 300 one-second
/// buckets of request latencies (log-linear bins), 5xx responses and cache lookups, plus distinct users over 15 minutes.
/// Recording is a couple of interlocked increments on the current bucket; a bucket is cleared under a lock once, when its
/// second comes round again. Reads sum the buckets of the last 300 seconds.
/// </summary>
public sealed class RequestWindow
{
    public const int WindowSeconds = 300;

    private readonly TimeProvider _timeProvider;
    private readonly Bucket[] _buckets = Enumerable.Range(0, WindowSeconds).Select(_ => new Bucket()).ToArray();
    private readonly ActiveUsers _users = new();
    private readonly long _startedSecond;

    public RequestWindow(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        _startedSecond = CurrentSecond();
    }

    public void RecordRequest(TimeSpan elapsed, int statusCode, string? userId)
    {
        var second = CurrentSecond();
        var bucket = BucketFor(second);
        Interlocked.Increment(ref bucket.Latency[LatencyHistogram.BinOf(elapsed)]);
        if (statusCode >= 500)
        {
            Interlocked.Increment(ref bucket.ServerErrors);
        }

        if (userId is not null)
        {
            _users.Record(userId, second / 60);
        }
    }

    /// <summary>One or more lookups of the analytics cache (`analytics_cache_requests_total`); layers other than memory and snapshot are ignored.</summary>
    public void RecordCacheLookup(string? layer, bool hit, long count)
    {
        var bucket = BucketFor(CurrentSecond());
        switch (layer, hit)
        {
            case ("memory", true):
                Interlocked.Add(ref bucket.MemoryHits, count);
                break;
            case ("memory", false):
                Interlocked.Add(ref bucket.MemoryMisses, count);
                break;
            case ("snapshot", true):
                Interlocked.Add(ref bucket.SnapshotHits, count);
                break;
            case ("snapshot", false):
                Interlocked.Add(ref bucket.SnapshotMisses, count);
                break;
        }
    }

    public RequestWindowReading Read()
    {
        var now = CurrentSecond();
        Span<long> latency = stackalloc long[LatencyHistogram.BinCount];
        latency.Clear();
        long errors = 0, memoryHits = 0, memoryMisses = 0, snapshotHits = 0, snapshotMisses = 0;
        foreach (var bucket in _buckets)
        {
            var second = Volatile.Read(ref bucket.Second);
            if (second <= now - WindowSeconds || second > now)
            {
                continue;
            }

            for (var bin = 0; bin < latency.Length; bin++)
            {
                latency[bin] += Volatile.Read(ref bucket.Latency[bin]);
            }

            errors += Volatile.Read(ref bucket.ServerErrors);
            memoryHits += Volatile.Read(ref bucket.MemoryHits);
            memoryMisses += Volatile.Read(ref bucket.MemoryMisses);
            snapshotHits += Volatile.Read(ref bucket.SnapshotHits);
            snapshotMisses += Volatile.Read(ref bucket.SnapshotMisses);
        }

        long requests = 0;
        foreach (var count in latency)
        {
            requests += count;
        }

        // A young instance has not seen 5 minutes yet: divide by the time it has seen, but by at least a minute, so the
        // first requests are not extrapolated into a burst.
        var coveredSeconds = Math.Clamp(now - _startedSecond + 1, 60, WindowSeconds);
        var memoryLookups = memoryHits + memoryMisses;
        return new RequestWindowReading(
            requests * 60.0 / coveredSeconds,
            LatencyHistogram.QuantileMilliseconds(latency, 0.95),
            Share(errors, requests),
            // A read not served from memory or from a snapshot was computed (API.md §4.10 cacheHitRate).
            Share(memoryHits + snapshotHits, memoryLookups),
            Share(memoryHits, memoryLookups),
            Share(snapshotHits, snapshotHits + snapshotMisses),
            _users.Count(now / 60));
    }

    private static double? Share(long part, long whole) => whole == 0 ? null : Math.Min(1.0, (double)part / whole);

    private long CurrentSecond() => _timeProvider.GetTimestamp() / _timeProvider.TimestampFrequency;

    private Bucket BucketFor(long second)
    {
        var bucket = _buckets[(int)(second % WindowSeconds)];
        if (Volatile.Read(ref bucket.Second) < second)
        {
            lock (bucket)
            {
                if (bucket.Second < second)
                {
                    Array.Clear(bucket.Latency);
                    bucket.ServerErrors = bucket.MemoryHits = bucket.MemoryMisses = bucket.SnapshotHits = bucket.SnapshotMisses = 0;
                    Volatile.Write(ref bucket.Second, second);
                }
            }
        }

        return bucket;
    }

    private sealed class Bucket
    {
        public readonly long[] Latency = new long[LatencyHistogram.BinCount];
        public long Second = long.MinValue;
        public long ServerErrors;
        public long MemoryHits;
        public long MemoryMisses;
        public long SnapshotHits;
        public long SnapshotMisses;
    }
}
