namespace Octopilot.Core.Time;

/// <summary>
/// A clock that moves only when told to. Sleepers wake when <see cref="AdvanceTo"/> passes their
/// deadline, so tests and replay decide every timing outcome exactly. Thread-safe.
/// </summary>
public sealed class VirtualClock : IClock
{
    private readonly object _gate = new();
    private long _nowNs;

    public VirtualClock(long startNs = 0)
    {
        _nowNs = startNs;
    }

    public long NowNs => Volatile.Read(ref _nowNs);

    /// <summary>Moves time forward to <paramref name="timeNs"/>; time never goes backwards.</summary>
    public void AdvanceTo(long timeNs)
    {
        lock (_gate)
        {
            if (timeNs < _nowNs)
            {
                throw new ArgumentOutOfRangeException(nameof(timeNs), timeNs,
                    $"virtual time must not go backwards: now {_nowNs} ns, asked {timeNs} ns");
            }

            Volatile.Write(ref _nowNs, timeNs);
            Monitor.PulseAll(_gate);
        }
    }

    public void Advance(long deltaNs) => AdvanceTo(NowNs + deltaNs);

    public bool SleepUntil(long deadlineNs, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            while (_nowNs < deadlineNs)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    return false;
                }

                // Woken by AdvanceTo; the timeout only bounds how late a cancellation is seen.
                Monitor.Wait(_gate, 20);
            }

            return !cancellationToken.IsCancellationRequested;
        }
    }
}
