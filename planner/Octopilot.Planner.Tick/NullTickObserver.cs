namespace Octopilot.Planner.Tick;

/// <summary>An observer that ignores everything, for loops whose owner only polls <see cref="FixedTickLoop.ReadStatistics"/>.</summary>
public sealed class NullTickObserver : ITickObserver
{
    public static NullTickObserver Instance { get; } = new();

    private NullTickObserver()
    {
    }

    public void TicksMissed(in TickContext context, long missedTicks)
    {
    }

    public void DegradedChanged(in TickContext context, bool isDegraded)
    {
    }

    public void StepFailed(in TickContext context, Exception exception)
    {
    }
}
