using Octopilot.Planner.Tick;

namespace Octopilot.Host.Service;

/// <summary>
/// The planner's tick step, with the service tests' fault injection: after a configured number of seconds of ticks
/// it blocks the tick thread (as a deadlock or a runaway step would) until <see cref="Release"/> at shutdown. Without
/// a stall configured it is a plain pass-through: one branch per tick.
/// </summary>
internal sealed class StallableTickStep : ITickStep, IDisposable
{
    private readonly ITickStep _inner;
    private readonly long? _stallAfterTicks;
    private readonly ManualResetEventSlim _released = new(false);
    private long _ticks;

    public StallableTickStep(ITickStep inner, double? stallAfterS)
    {
        _inner = inner;
        _stallAfterTicks = stallAfterS is double s ? (long)Math.Round(s * 100) : null;
    }

    public void Tick(in TickContext context)
    {
        if (_stallAfterTicks is long limit && ++_ticks > limit)
        {
            _released.Wait();
            return;
        }

        _inner.Tick(context);
    }

    public void Release() => _released.Set();

    public void Dispose() => _released.Dispose();
}
