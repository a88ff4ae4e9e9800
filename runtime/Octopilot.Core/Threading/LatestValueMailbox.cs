namespace Octopilot.Core.Threading;

/// <summary>
/// Hands the newest value of a struct from one writer thread to reader threads without locks or allocation (a seqlock):
/// the writer never waits, a reader copies the value and retries if a write overlapped its copy. Built for the planner
/// tick, which must never block on fusion or the vehicle interface: after <see cref="MaxReadAttempts"/> overlapped
/// copies a read gives up (the caller keeps its previous value, and the planner's staleness rule takes over).
/// Promise of the caller: exactly one thread calls <see cref="Publish"/>.
/// </summary>
public sealed class LatestValueMailbox<T>
    where T : struct
{
    /// <summary>Copies tried before a read gives up: a write takes well under a microsecond, 64 tries are far beyond one.</summary>
    public const int MaxReadAttempts = 64;

    private T _value;
    private int _sequence; // odd while a write is in progress; +2 per completed write

    /// <summary>Completed writes so far (0: nothing published yet).</summary>
    public int Version => Volatile.Read(ref _sequence) >> 1;

    /// <summary>Publishes a new value. Single writer only (see the class remarks).</summary>
    public void Publish(in T value)
    {
        Interlocked.Increment(ref _sequence); // odd: readers that overlap will retry; full fence before the copy
        _value = value;
        Interlocked.Increment(ref _sequence); // even again; full fence after the copy
    }

    /// <summary>
    /// Copies the newest value. Returns false when nothing was published yet, or when every attempt overlapped a write
    /// (<paramref name="value"/> is then undefined and must not be used).
    /// </summary>
    public bool TryRead(out T value, out int version)
    {
        for (int attempt = 0; attempt < MaxReadAttempts; attempt++)
        {
            int before = Volatile.Read(ref _sequence);
            if ((before & 1) != 0)
            {
                Thread.SpinWait(4);
                continue;
            }

            value = _value;
            Interlocked.MemoryBarrier(); // the copy must complete before the sequence is read again
            if (Volatile.Read(ref _sequence) == before)
            {
                version = before >> 1;
                return before != 0;
            }
        }

        value = default;
        version = -1;
        return false;
    }
}
