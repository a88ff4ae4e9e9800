namespace Octopilot.Bench.Runner.Probe;

/// <summary>
/// Pre-allocated rings the running pipeline writes its timestamps into, so instrumentation costs a few stores per set
/// and per tick and allocates nothing. Writers: the inference thread (<see cref="OnWorldModelPublished"/>, one row per
/// set, published with a volatile write of the row count) and the planner tick thread (<see cref="OnTick"/>: its
/// lateness, and the command time of the set whose world model it consumed first). Read after the run
/// (<see cref="Records"/>, <see cref="TickLatenessNs"/>). When a ring wraps, the oldest rows are overwritten (counted).
/// <see cref="Enabled"/> false turns every write into one branch (the "instrumentation off" comparison).
/// </summary>
public sealed class StageProbe
{
    /// <summary>How far back the tick thread looks for the set a new world model came from (sets ship in order).</summary>
    private const int MatchWindow = 16;

    private readonly SetStageRecord[] _sets;
    private readonly long[] _tickLatenessNs;
    private long _setsWritten;
    private long _ticksWritten;
    private long _lastWorldTimestampNs = long.MinValue;
    private long _tickGridStartNs;
    private long _tickPeriodNs;

    public StageProbe(int setCapacity = 1 << 15, int tickCapacity = 1 << 18)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(setCapacity, 16);
        ArgumentOutOfRangeException.ThrowIfLessThan(tickCapacity, 16);
        _sets = new SetStageRecord[setCapacity];
        _tickLatenessNs = new long[tickCapacity];
    }

    public bool Enabled { get; init; } = true;

    /// <summary>Artificial delays per stage, ms (a regression on purpose, to check that a baseline comparison catches it).</summary>
    public IReadOnlyDictionary<Stage, double> InjectedDelaysMs { get; init; } = new Dictionary<Stage, double>();

    public long SetsWritten => Volatile.Read(ref _setsWritten);

    public long TicksWritten => Volatile.Read(ref _ticksWritten);

    /// <summary>Rows lost to the ring wrapping.</summary>
    public long SetsOverwritten => Math.Max(0, SetsWritten - _sets.Length);

    /// <summary>The tick loop's deadline grid, so a tick's lateness is its wake time's offset from the grid.</summary>
    public void SetTickGrid(long firstDeadlineNs, long periodNs)
    {
        _tickGridStartNs = firstDeadlineNs;
        _tickPeriodNs = periodNs;
    }

    /// <summary>Inference thread, after the set's world model is published.</summary>
    public void OnWorldModelPublished(long setSequence, long oldestSofNs, long newestSofNs, long shippedNs, long takenNs, long perceivedNs, long worldModelNs)
    {
        if (!Enabled)
        {
            return;
        }

        long n = _setsWritten;
        ref SetStageRecord row = ref _sets[n % _sets.Length];
        row.SetSequence = setSequence;
        row.OldestStartOfFrameNs = oldestSofNs;
        row.NewestStartOfFrameNs = newestSofNs;
        row.ShippedNs = shippedNs;
        row.TakenNs = takenNs;
        row.PerceivedNs = perceivedNs;
        row.WorldModelNs = worldModelNs;
        row.CommandNs = 0;
        Volatile.Write(ref _setsWritten, n + 1);
    }

    /// <summary>
    /// Tick thread, after the command is published: <paramref name="wakeNs"/> is the tick's wake time,
    /// <paramref name="worldTimestampNs"/> the timestamp (newest start of frame) of the world model it used.
    /// </summary>
    public void OnTick(long wakeNs, long worldTimestampNs, long commandNs)
    {
        if (!Enabled)
        {
            return;
        }

        if (_tickPeriodNs > 0 && wakeNs >= _tickGridStartNs)
        {
            long t = _ticksWritten;
            _tickLatenessNs[t % _tickLatenessNs.Length] = (wakeNs - _tickGridStartNs) % _tickPeriodNs;
            Volatile.Write(ref _ticksWritten, t + 1);
        }

        if (worldTimestampNs == _lastWorldTimestampNs)
        {
            return;
        }

        _lastWorldTimestampNs = worldTimestampNs;
        long written = Volatile.Read(ref _setsWritten);
        for (long i = written - 1; i >= 0 && i >= written - MatchWindow; i--)
        {
            ref SetStageRecord row = ref _sets[i % _sets.Length];
            if (row.NewestStartOfFrameNs == worldTimestampNs)
            {
                if (row.CommandNs == 0)
                {
                    row.CommandNs = commandNs;
                }

                return;
            }
        }
    }

    /// <summary>Blocks the calling thread for the stage's injected delay, if any (off the measured path only when none).</summary>
    public void Delay(Stage stage)
    {
        if (InjectedDelaysMs.Count > 0 && InjectedDelaysMs.TryGetValue(stage, out double ms) && ms > 0)
        {
            long until = System.Diagnostics.Stopwatch.GetTimestamp() + (long)(ms * System.Diagnostics.Stopwatch.Frequency / 1000);
            while (System.Diagnostics.Stopwatch.GetTimestamp() < until)
            {
                Thread.SpinWait(64);
            }
        }
    }

    /// <summary>The retained rows, oldest first (call after the writers stopped).</summary>
    public SetStageRecord[] Records()
    {
        long written = SetsWritten;
        long first = Math.Max(0, written - _sets.Length);
        var rows = new SetStageRecord[written - first];
        for (long i = first; i < written; i++)
        {
            rows[i - first] = _sets[i % _sets.Length];
        }

        return rows;
    }

    /// <summary>The retained tick latenesses, ns (call after the tick thread stopped).</summary>
    public long[] TickLatenessNs()
    {
        long written = TicksWritten;
        long first = Math.Max(0, written - _tickLatenessNs.Length);
        var values = new long[written - first];
        for (long i = first; i < written; i++)
        {
            values[i - first] = _tickLatenessNs[i % _tickLatenessNs.Length];
        }

        return values;
    }
}
