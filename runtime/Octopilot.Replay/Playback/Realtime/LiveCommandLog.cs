using Octopilot.Planner.Inputs;
using Octopilot.Planner.Outputs;
using Octopilot.Planner.Realtime;

namespace Octopilot.Replay.Playback.Realtime;

/// <summary>
/// Keeps what a real-time replay's live planner commanded, tick by tick (tick time, target acceleration, longitudinal
/// mode), for the comparison with the recorded command stream after the run. Written on the tick thread into arrays
/// allocated at construction (nothing allocated per tick; ticks beyond <see cref="Capacity"/> are counted, not kept);
/// read only after the tick loop has stopped (its thread's join orders the writes before the reads).
/// </summary>
public sealed class LiveCommandLog : IPlannerTickObserver
{
    private readonly long[] _tickNs;
    private readonly double[] _targetAccelMps2;
    private readonly LongitudinalMode[] _mode;
    private int _count;
    private long _overflow;

    /// <param name="capacity">Ticks kept: the replayed drive time over the tick period, plus a margin.</param>
    public LiveCommandLog(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _tickNs = new long[capacity];
        _targetAccelMps2 = new double[capacity];
        _mode = new LongitudinalMode[capacity];
    }

    public int Capacity => _tickNs.Length;

    /// <summary>Ticks kept so far.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Ticks seen after the log was full (not kept, not compared).</summary>
    public long Overflow => Interlocked.Read(ref _overflow);

    /// <summary>Tick times, ns, in tick order (after the tick loop stopped).</summary>
    public ReadOnlySpan<long> TickNs => _tickNs.AsSpan(0, Count);

    public ReadOnlySpan<double> TargetAccelMps2 => _targetAccelMps2.AsSpan(0, Count);

    public ReadOnlySpan<LongitudinalMode> Mode => _mode.AsSpan(0, Count);

    /// <summary>Tick thread only.</summary>
    public void OnTick(in PlannerInputs inputs, in PlannerOutput command)
    {
        int i = _count;
        if (i == _tickNs.Length)
        {
            Interlocked.Increment(ref _overflow);
            return;
        }

        _tickNs[i] = inputs.NowNs;
        _targetAccelMps2[i] = command.TargetAccelMps2;
        _mode[i] = command.Mode;
        Volatile.Write(ref _count, i + 1);
    }
}
