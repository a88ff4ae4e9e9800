namespace Octopilot.Bench.Runner.Probe;

/// <summary>
/// Pre-allocated rings the running pipeline writes its timestamps into, so instrumentation costs a few stores per set
/// and per tick and allocates nothing. Writers: the inference thread (<see cref="OnWorldModelPublished"/>, one row per
/// set) and the planner tick thread (<see cref="OnTick"/>: its wake time, and each world model's first command); each
/// ring has one writer, and rows and commands are joined by the world model's timestamp after the run. When a ring
/// wraps, the oldest entries are overwritten (counted). <see cref="Enabled"/> false turns every write into one branch
/// (the "instrumentation off" comparison).
/// </summary>
public sealed class StageProbe
{
    private readonly SingleWriterRing<SetStageRecord> _sets;
    private readonly SingleWriterRing<long> _tickOffsetsNs;
    private readonly SingleWriterRing<(long WorldTimestampNs, long CommandNs)> _commands;
    private long _lastWorldTimestampNs = long.MinValue;
    private long _tickGridStartNs;
    private long _tickPeriodNs;

    public StageProbe(int setCapacity = 1 << 15, int tickCapacity = 1 << 18)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(setCapacity, 16);
        ArgumentOutOfRangeException.ThrowIfLessThan(tickCapacity, 16);
        _sets = new SingleWriterRing<SetStageRecord>(setCapacity);
        _tickOffsetsNs = new SingleWriterRing<long>(tickCapacity);
        _commands = new SingleWriterRing<(long, long)>(setCapacity);
    }

    public bool Enabled { get; init; } = true;

    /// <summary>Artificial delays per stage, ms (a regression on purpose, to check that a baseline comparison catches it).</summary>
    public IReadOnlyDictionary<Stage, double> InjectedDelaysMs { get; init; } = new Dictionary<Stage, double>();

    public long SetsWritten => _sets.Written;

    public long TicksWritten => _tickOffsetsNs.Written;

    /// <summary>Rows lost to the ring wrapping.</summary>
    public long SetsOverwritten => _sets.Overwritten;

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

        _sets.Add(new SetStageRecord
        {
            SetSequence = setSequence,
            OldestStartOfFrameNs = oldestSofNs,
            NewestStartOfFrameNs = newestSofNs,
            ShippedNs = shippedNs,
            TakenNs = takenNs,
            PerceivedNs = perceivedNs,
            WorldModelNs = worldModelNs,
        });
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
            _tickOffsetsNs.Add(wakeNs - _tickGridStartNs);
        }

        if (worldTimestampNs != _lastWorldTimestampNs)
        {
            _lastWorldTimestampNs = worldTimestampNs;
            _commands.Add((worldTimestampNs, commandNs));
        }
    }

    /// <summary>Blocks the calling thread for the stage's injected delay, if any (busy: a sleep would round up to the timer slack).</summary>
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
        var firstCommand = new Dictionary<long, long>();
        foreach ((long world, long command) in _commands.Snapshot())
        {
            firstCommand.TryAdd(world, command);
        }

        SetStageRecord[] rows = _sets.Snapshot();
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i].CommandNs = firstCommand.GetValueOrDefault(rows[i].NewestStartOfFrameNs);
        }

        return rows;
    }

    /// <summary>The retained ticks' lateness (wake − deadline), ns, in tick order (call after the tick thread stopped).</summary>
    public long[] TickLatenessNs() => [.. _tickOffsetsNs.Snapshot().Select(o => o % _tickPeriodNs)];

    /// <summary>
    /// Deadlines on the grid from <paramref name="fromNs"/> (relative to the grid start) to the last tick that no tick
    /// served: a tick more than a period late or skipped leaves its deadline empty.
    /// </summary>
    public long MissedTicksAfter(long fromNs)
    {
        long[] served = [.. _tickOffsetsNs.Snapshot().Where(o => o >= fromNs).Select(o => o / _tickPeriodNs).Distinct()];
        return served.Length == 0 ? 0 : served[^1] - served[0] + 1 - served.Length;
    }
}
