using Octopilot.Core.Interop.Linux.Libc;

namespace Octopilot.Core.Time;

/// <summary>
/// CLOCK_MONOTONIC through libc, sleeping with clock_nanosleep(TIMER_ABSTIME) so a sleep that
/// wakes late does not push the next deadline. Sleeps are cut into slices of at most
/// <see cref="CancellationSliceNs"/> so a cancelled loop stops within that bound.
/// </summary>
public sealed class MonotonicClock : IClock
{
    /// <summary>Longest single kernel sleep: 50 ms bounds how long a stop request can wait.</summary>
    public const long CancellationSliceNs = 50_000_000;

    public static MonotonicClock Instance { get; } = new();

    private MonotonicClock()
    {
    }

    public long NowNs => LibcClock.MonotonicNowNs();

    public bool SleepUntil(long deadlineNs, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return false;
            }

            long nowNs = NowNs;
            if (nowNs >= deadlineNs)
            {
                return true;
            }

            long sliceEndNs = Math.Min(deadlineNs, nowNs + CancellationSliceNs);
            LibcClock.SleepUntilMonotonicNs(sliceEndNs);
        }
    }
}
