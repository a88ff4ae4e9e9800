namespace Octopilot.Planner.Tick;

/// <summary>
/// Watchdog-style listener of a <see cref="FixedTickLoop"/>. Every method is called on the tick thread, between ticks:
/// it must return quickly and should not allocate (a blocked observer makes the next tick late). An exception thrown
/// here is caught and counted in <see cref="TickLoopStatistics.ObserverExceptions"/>.
/// </summary>
public interface ITickObserver
{
    /// <summary>
    /// One or more deadlines were missed (served more than one period late, or skipped): <paramref name="missedTicks"/>
    /// is how many, <paramref name="context"/> the tick during or after which it was found.
    /// </summary>
    void TicksMissed(in TickContext context, long missedTicks);

    /// <summary>The degraded flag changed (raised after consecutive bad ticks, cleared after consecutive good ones).</summary>
    void DegradedChanged(in TickContext context, bool isDegraded);

    /// <summary>The step threw. The exception is the one the step threw; the loop has counted it and goes on ticking.</summary>
    void StepFailed(in TickContext context, Exception exception);
}
