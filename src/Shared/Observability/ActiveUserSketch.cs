using System.Numerics;

namespace Analytics.Api.Shared.Observability;

/// <summary>
/// Distinct users seen in the last 15 minutes in fixed memory: one HyperLogLog sketch (4,096 registers, about 1.6 % standard
/// error, exact-to-one for a handful of users through linear counting) per minute for the last 16 minutes, merged on read.
/// Recording is lock-free; a minute's sketch is cleared under a lock when its slot is reused.
/// </summary>
public sealed class ActiveUserSketch
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private const int Precision = 12;
    private const int Registers = 1 << Precision;

    // One slot more than the window, so everyone seen in the last full 15 minutes is counted (and at most one minute more).
    private const int Slots = 16;

    private readonly Slot[] _slots = Enumerable.Range(0, Slots).Select(_ => new Slot()).ToArray();

    public void Record(string userId, long minute)
    {
        var hash = Hash(userId);
        var register = (int)(hash >> (64 - Precision));
        var rank = Math.Min(BitOperations.LeadingZeroCount(hash << Precision) + 1, 64 - Precision + 1);
        var slot = SlotFor(minute);
        ref var cell = ref slot.Registers[register];
        int current;
        while ((current = Volatile.Read(ref cell)) < rank && Interlocked.CompareExchange(ref cell, rank, current) != current)
        {
        }
    }

    public int Estimate(long minute)
    {
        Span<int> merged = stackalloc int[Registers];
        merged.Clear();
        foreach (var slot in _slots)
        {
            var stamp = Volatile.Read(ref slot.Minute);
            if (stamp <= minute - Slots || stamp > minute)
            {
                continue;
            }

            for (var i = 0; i < Registers; i++)
            {
                merged[i] = Math.Max(merged[i], Volatile.Read(ref slot.Registers[i]));
            }
        }

        var zeros = 0;
        var sum = 0.0;
        foreach (var rank in merged)
        {
            zeros += rank == 0 ? 1 : 0;
            sum += Math.ScaleB(1.0, -rank);
        }

        // Flajolet et al. (2007) with the small-range correction; a 64-bit hash needs no large-range one.
        var alpha = 0.7213 / (1 + (1.079 / Registers));
        var raw = alpha * Registers * Registers / sum;
        var estimate = raw <= 2.5 * Registers && zeros > 0 ? Registers * Math.Log((double)Registers / zeros) : raw;
        return (int)Math.Round(estimate, MidpointRounding.AwayFromZero);
    }

    private Slot SlotFor(long minute)
    {
        var slot = _slots[(int)(minute % Slots)];
        if (Volatile.Read(ref slot.Minute) < minute)
        {
            lock (slot)
            {
                if (slot.Minute < minute)
                {
                    Array.Clear(slot.Registers);
                    Volatile.Write(ref slot.Minute, minute);
                }
            }
        }

        return slot;
    }

    /// <summary>FNV-1a over the id, then the MurmurHash3 finaliser to spread it over all 64 bits (stable across processes).</summary>
    private static ulong Hash(string value)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in value)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        hash ^= hash >> 33;
        return hash;
    }

    private sealed class Slot
    {
        public readonly int[] Registers = new int[ActiveUserSketch.Registers];
        public long Minute = long.MinValue;
    }
}
