namespace Octopilot.Planner.Tick;

/// <summary>What the loop knows about the tick it is running. A value passed by reference: nothing is allocated per tick.</summary>
public readonly struct TickContext
{
    public TickContext(long tickIndex, long deadlineNs, long wakeNs, long periodNs)
    {
        TickIndex = tickIndex;
        DeadlineNs = deadlineNs;
        WakeNs = wakeNs;
        PeriodNs = periodNs;
    }

    /// <summary>Index of this deadline on the loop's grid (deadline = first deadline + index · period); skipped deadlines leave gaps.</summary>
    public long TickIndex { get; }

    /// <summary>The absolute deadline (clock ns) this tick was scheduled for.</summary>
    public long DeadlineNs { get; }

    /// <summary>When the tick thread actually woke (clock ns), the time the step should treat as "now".</summary>
    public long WakeNs { get; }

    /// <summary>The loop's period, so a step can integrate over exactly one tick.</summary>
    public long PeriodNs { get; }

    /// <summary>Wake minus deadline; never negative because the clock sleeps until the deadline has passed.</summary>
    public long LatenessNs => WakeNs - DeadlineNs;
}
