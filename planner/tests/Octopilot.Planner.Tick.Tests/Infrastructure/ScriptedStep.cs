namespace Octopilot.Planner.Tick.Tests.Infrastructure;

/// <summary>
/// A step that records every context it is given into a preallocated array and, per call, can "take" time (advance the
/// clock, i.e. overrun) or throw. Allocation-free unless it throws.
/// </summary>
internal sealed class ScriptedStep : ITickStep
{
    private readonly SteppedClock? _clock;
    private readonly TickContext[] _contexts;
    private readonly long[] _durationNsByCall;
    private readonly bool[] _throwByCall;
    private readonly InvalidOperationException _failure = new("scripted step failure");
    private int _calls;

    public ScriptedStep(int capacity, SteppedClock? clock = null)
    {
        _clock = clock;
        _contexts = new TickContext[capacity];
        _durationNsByCall = new long[capacity];
        _throwByCall = new bool[capacity];
    }

    public int Calls => Volatile.Read(ref _calls);

    public TickContext this[int call] => _contexts[call];

    /// <summary>Call number <paramref name="call"/> (0-based) advances the clock by <paramref name="durationNs"/>.</summary>
    public ScriptedStep TakesNs(int call, long durationNs)
    {
        _durationNsByCall[call] = durationNs;
        return this;
    }

    /// <summary>Call number <paramref name="call"/> throws.</summary>
    public ScriptedStep Throws(int call)
    {
        _throwByCall[call] = true;
        return this;
    }

    public void Tick(in TickContext context)
    {
        int call = _calls;
        if (call < _contexts.Length)
        {
            _contexts[call] = context;
        }

        Volatile.Write(ref _calls, call + 1);
        if (call >= _contexts.Length)
        {
            return;
        }

        if (_durationNsByCall[call] > 0)
        {
            _clock!.Advance(_durationNsByCall[call]);
        }

        if (_throwByCall[call])
        {
            throw _failure;
        }
    }
}
