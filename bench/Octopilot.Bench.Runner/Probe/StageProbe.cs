namespace Octopilot.Bench.Runner.Probe;

/// <summary>
/// Pre-allocated rings the running pipeline writes its timestamps into, so instrumentation costs a few stores per set
/// and per tick and allocates nothing. Writers: the inference thread (<see cref="OnWorldModelPublished"/>, one row per
/// set) and the planner tick thread (<see cref="OnTick"/>: its lateness, and each world model's first command); each
/// ring has one writer, and rows and commands are joined by the world model's timestamp after the run. Read after the run
/// (<see cref="Records"/>, <see cref="TickLatenessNs"/>). When a ring wraps, the oldest rows are overwritten (counted).
/// <see cref="Enabled"/> false turns every write into one branch (the "instrumentation off" comparison).
/// </summary>
public sealed class StageProbe
{
    private readonly SetStageRecord[] _sets;
    private readonly long[] _tickOffsetNs;
    private readonly (long WorldTimestampNs, long CommandNs)[] _commands;
    private long _setsWritten;
    private long _commandsWritten;
    private long _ticksWritten;
    private long _lastWorldTimestampNs = long.MinValue;
    private long _tickGridStartNs;
    private long _tickPeriodNs;

    public StageProbe(int setCapacity = 1 << 15, int tickCapacity = 1 << 18)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(setCapacity, 16);
        ArgumentOutOfRangeException.ThrowIfLessThan(tickCapacity, 16);
        _sets = new SetStageRecord[setCapacity];
        _tickOffsetNs = new long[tickCapacity];
        _commands = new (long, long)[setCapacity];
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
        Volatile.Write(ref _setsWritten, n + 1);
    }

    /// <summary>
    /// Tick thread, after the command is published: <paramref name="wakeNs"/> is the tick's wake time,
    /// <paramref name="worldTimestampNs"/> the timestamp (newest start of frame) of the world model it used. A world
    /// model seen for the first time is logged with the command's time; rows and commands are joined after the run
    /// (<see cref="Records"/>), so neither thread ever waits for or reads the other's writes during it.
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
            _tickOffsetNs[t % _tickOffsetNs.Length] = wakeNs - _tickGridStartNs;
            Volatile.Write(ref _ticksWritten, t + 1);
        }

        if (worldTimestampNs == _lastWorldTimestampNs)
        {
            return;
        }

        _lastWorldTimestampNs = worldTimestampNs;
        long n = _commandsWritten;
        _commands[n % _commands.Length] = (worldTimestampNs, commandNs);
        Volatile.Write(ref _commandsWritten, n + 1);
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

    /// <summary>
    /// The retained rows, oldest first, each with the time of the first command computed from its world model (0 when
    /// no tick used it: superseded by the next set first, or the run ended). Call after the writers stopped.
    /// </summary>
    public SetStageRecord[] Records()
    {
        long commands = Volatile.Read(ref _commandsWritten);
        var firstCommand = new Dictionary<long, long>();
        for (long i = Math.Max(0, commands - _commands.Length); i < commands; i++)
        {
            (long world, long command) = _commands[i % _commands.Length];
            firstCommand.TryAdd(world, command);
        }

        long written = SetsWritten;
        long first = Math.Max(0, written - _sets.Length);
        var rows = new SetStageRecord[written - first];
        for (long i = first; i < written; i++)
        {
            SetStageRecord row = _sets[i % _sets.Length];
            row.CommandNs = firstCommand.GetValueOrDefault(row.NewestStartOfFrameNs);
            rows[i - first] = row;
        }

        return rows;
    }

    /// <summary>The retained ticks' lateness (wake − deadline), ns, in tick order (call after the tick thread stopped).</summary>
    public long[] TickLatenessNs() => [.. TickOffsets().Select(o => o % _tickPeriodNs)];

    /// <summary>
    /// Deadlines on the grid from <paramref name="fromNs"/> (relative to the grid start) to the last tick that no tick
    /// served: a tick more than a period late or skipped leaves its deadline empty.
    /// </summary>
    public long MissedTicksAfter(long fromNs)
    {
        long[] served = [.. TickOffsets().Where(o => o >= fromNs).Select(o => o / _tickPeriodNs).Distinct()];
        return served.Length == 0 ? 0 : served[^1] - served[0] + 1 - served.Length;
    }

    private long[] TickOffsets()
    {
        long written = TicksWritten;
        long first = Math.Max(0, written - _tickOffsetNs.Length);
        var values = new long[written - first];
        for (long i = first; i < written; i++)
        {
            values[i - first] = _tickOffsetNs[i % _tickOffsetNs.Length];
        }

        return values;
    }
}
