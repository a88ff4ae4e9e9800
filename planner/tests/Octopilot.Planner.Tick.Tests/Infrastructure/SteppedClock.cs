using Octopilot.Core.Time;

namespace Octopilot.Planner.Tick.Tests.Infrastructure;

/// <summary>
/// A <see cref="VirtualClock"/> that also tells the test which deadline the loop is blocked on, so a test can advance
/// time exactly to (or past) each deadline in turn: every timing outcome is decided by the test, none by the machine.
/// Allocation-free on the sleeper's side, so the loop's zero-allocation meter can be asserted through it.
/// </summary>
internal sealed class SteppedClock : IClock
{
    /// <summary>Liveness bound only: a loop that never sleeps again fails the test instead of hanging it.</summary>
    public static readonly TimeSpan Liveness = TimeSpan.FromSeconds(30);

    private readonly VirtualClock _inner;
    private readonly object _gate = new();
    private long _sleepingUntilNs = long.MinValue;

    public SteppedClock(long startNs = 0)
    {
        _inner = new VirtualClock(startNs);
    }

    public long NowNs => _inner.NowNs;

    /// <summary>Moves time forward; used by the test thread, and by test steps that "take" time.</summary>
    public void AdvanceTo(long timeNs) => _inner.AdvanceTo(timeNs);

    public void Advance(long deltaNs) => _inner.Advance(deltaNs);

    public bool SleepUntil(long deadlineNs, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _sleepingUntilNs = deadlineNs;
            Monitor.PulseAll(_gate);
        }

        try
        {
            return _inner.SleepUntil(deadlineNs, cancellationToken);
        }
        finally
        {
            lock (_gate)
            {
                _sleepingUntilNs = long.MinValue;
            }
        }
    }

    /// <summary>
    /// Waits until a sleeper is blocked on a deadline still in the future (so the tick before it has completed) and
    /// returns that deadline. Only the test moves time while the loop sleeps, so that state is stable.
    /// </summary>
    public long WaitForSleeper()
    {
        DateTime giveUpUtc = DateTime.UtcNow + Liveness;
        lock (_gate)
        {
            while (_sleepingUntilNs <= _inner.NowNs)
            {
                if (DateTime.UtcNow > giveUpUtc)
                {
                    throw new TimeoutException($"no sleeper blocked on a future deadline within {Liveness} (now {_inner.NowNs} ns)");
                }

                Monitor.Wait(_gate, 10);
            }

            return _sleepingUntilNs;
        }
    }

    /// <summary>Waits for the loop to block on its next deadline, then wakes it <paramref name="latenessNs"/> after it.</summary>
    public long WakeNextTick(long latenessNs = 0)
    {
        long deadlineNs = WaitForSleeper();
        _inner.AdvanceTo(deadlineNs + latenessNs);
        return deadlineNs;
    }
}
