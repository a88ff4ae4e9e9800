namespace Octopilot.Core.Time;

/// <summary>
/// The one source of time for the whole runtime. Production uses <see cref="MonotonicClock"/>
/// (CLOCK_MONOTONIC, the same clock V4L2 and SocketCAN stamp with); tests and replay use
/// <see cref="VirtualClock"/> so that every timing decision is reproducible.
/// </summary>
public interface IClock
{
    /// <summary>Monotonic time in nanoseconds. Only differences are meaningful.</summary>
    long NowNs { get; }

    /// <summary>
    /// Blocks the calling thread until <see cref="NowNs"/> is at or past <paramref name="deadlineNs"/>
    /// (an absolute deadline, so lateness never accumulates) or until <paramref name="cancellationToken"/> fires.
    /// Returns false when cancelled. Allocates nothing.
    /// </summary>
    bool SleepUntil(long deadlineNs, CancellationToken cancellationToken);
}
