using System.Collections.Concurrent;

namespace Octopilot.Planner.Tick.Tests.Infrastructure;

/// <summary>Records every observer call (allocating: not for the allocation test's missed/degraded paths, which stay silent there).</summary>
internal sealed class RecordingObserver : ITickObserver
{
    public ConcurrentQueue<(long TickIndex, long Missed)> Missed { get; } = new();

    public ConcurrentQueue<(long TickIndex, bool IsDegraded)> DegradedChanges { get; } = new();

    public ConcurrentQueue<(long TickIndex, Exception Exception)> Failures { get; } = new();

    public void TicksMissed(in TickContext context, long missedTicks) => Missed.Enqueue((context.TickIndex, missedTicks));

    public void DegradedChanged(in TickContext context, bool isDegraded) => DegradedChanges.Enqueue((context.TickIndex, isDegraded));

    public void StepFailed(in TickContext context, Exception exception) => Failures.Enqueue((context.TickIndex, exception));
}
