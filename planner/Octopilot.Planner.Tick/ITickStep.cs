namespace Octopilot.Planner.Tick;

/// <summary>
/// The work a <see cref="FixedTickLoop"/> runs once per period, on the tick thread. An interface rather than a
/// delegate so the loop calls it without allocating and the step can keep its own state in fields.
/// </summary>
public interface ITickStep
{
    /// <summary>
    /// Runs one tick. Called only on the tick thread, never concurrently with itself. Must not block and should not
    /// allocate (the loop measures it). An exception is caught by the loop, counted and reported; the loop keeps ticking.
    /// </summary>
    void Tick(in TickContext context);
}
