using Octopilot.Core.Statistics;

namespace Octopilot.Planner.Tick;

/// <summary>
/// A reusable snapshot of a <see cref="FixedTickLoop"/>'s counters, filled by <see cref="FixedTickLoop.ReadStatistics"/>
/// without allocating: create one at start and refill it for every report. Not thread-safe itself; one reader per object.
/// </summary>
public sealed class TickLoopStatistics
{
    /// <summary>Ticks whose step ran (on time or late).</summary>
    public long Ticks { get; internal set; }

    /// <summary>
    /// Deadlines not served within one period: <see cref="LateTicks"/> plus <see cref="SkippedTicks"/>. The number the
    /// watchdog cares about.
    /// </summary>
    public long MissedTicks => LateTicks + SkippedTicks;

    /// <summary>Ticks that ran but woke more than one period after their deadline (the scheduler or a VM stalled the thread).</summary>
    public long LateTicks { get; internal set; }

    /// <summary>Deadlines that got no tick at all: they had passed when the previous step finished, so the loop skipped to the next future deadline.</summary>
    public long SkippedTicks { get; internal set; }

    /// <summary>Exceptions thrown by the step, caught by the loop.</summary>
    public long StepExceptions { get; internal set; }

    /// <summary>Exceptions thrown by the observer, caught by the loop.</summary>
    public long ObserverExceptions { get; internal set; }

    /// <summary>The degraded flag now (raised after consecutive bad ticks, cleared after consecutive good ones).</summary>
    public bool IsDegraded { get; internal set; }

    /// <summary>How many times the degraded flag was raised.</summary>
    public long DegradedEpisodes { get; internal set; }

    /// <summary>Wake minus deadline of every tick that ran, ns.</summary>
    public LogHistogram LatenessNs { get; } = new();

    /// <summary>Time from wake to the end of the step, ns (the step plus the loop's own bookkeeping before it).</summary>
    public LogHistogram StepDurationNs { get; } = new();

    /// <summary>Managed bytes the tick thread allocated after warm-up, step included. Expected: 0.</summary>
    public long SteadyStateAllocatedBytes { get; internal set; }

    /// <summary>Ticks after warm-up, the denominator of <see cref="SteadyStateAllocatedBytes"/>.</summary>
    public long SteadyStateTicks { get; internal set; }

    /// <summary>What the real-time requests got; <see cref="RealtimeGrant.Pending"/> until the tick thread has started.</summary>
    public RealtimeSetupResult Realtime { get; internal set; }

    /// <summary>True once the tick thread has ended (stopped).</summary>
    public bool HasEnded { get; internal set; }
}
