using System.Collections.Concurrent;

namespace Analytics.Api.Shared.Observability;

/// <summary>
/// Distinct users seen in the last 15 minutes, counted exactly: the minute each user was last seen, dropped once it is older
/// than the window. Memory is bounded by the users active in 15 minutes (tens of bytes each); recording is one dictionary write.
/// </summary>
public sealed class ActiveUsers
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    // One minute more than the window, so everyone seen in the last full 15 minutes is counted.
    private const long WindowMinutes = 16;

    private readonly ConcurrentDictionary<string, long> _lastSeen = new(StringComparer.Ordinal);
    private long _prunedAt = long.MinValue;

    public void Record(string userId, long minute)
    {
        _lastSeen.AddOrUpdate(userId, minute, (_, seen) => Math.Max(seen, minute));
        // At most once a minute, by whichever request first sees the new minute.
        var pruned = Volatile.Read(ref _prunedAt);
        if (minute > pruned && Interlocked.CompareExchange(ref _prunedAt, minute, pruned) == pruned)
        {
            Prune(minute);
        }
    }

    public int Count(long minute)
    {
        Prune(minute);
        return _lastSeen.Count(entry => entry.Value <= minute);
    }

    private void Prune(long minute)
    {
        foreach (var entry in _lastSeen)
        {
            if (entry.Value <= minute - WindowMinutes)
            {
                _lastSeen.TryRemove(entry);
            }
        }
    }
}
