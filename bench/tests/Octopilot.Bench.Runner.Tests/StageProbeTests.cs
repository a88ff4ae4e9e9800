using Octopilot.Bench.Runner.Probe;

namespace Octopilot.Bench.Runner.Tests;

/// <summary>The rings the pipeline's threads write: which command belongs to which set, tick lateness, wrap-around, zero allocation.</summary>
public sealed class StageProbeTests
{
    private const long Ms = 1_000_000;

    [Fact]
    public void Records_JoinEachSetWithTheFirstCommandFromItsWorldModel()
    {
        var probe = new StageProbe();
        probe.OnWorldModelPublished(1, 100 * Ms, 101 * Ms, 130 * Ms, 131 * Ms, 160 * Ms, 162 * Ms);
        probe.OnWorldModelPublished(2, 166 * Ms, 167 * Ms, 196 * Ms, 197 * Ms, 226 * Ms, 228 * Ms);

        probe.OnTick(170 * Ms, 101 * Ms, 170 * Ms + 5000); // first tick on set 1's world model
        probe.OnTick(180 * Ms, 101 * Ms, 180 * Ms + 5000); // same world model again: not a new command for it
        probe.OnTick(230 * Ms, 167 * Ms, 230 * Ms + 7000);
        probe.OnWorldModelPublished(3, 232 * Ms, 233 * Ms, 262 * Ms, 263 * Ms, 292 * Ms, 294 * Ms);
        probe.OnTick(240 * Ms, 233 * Ms, 240 * Ms + 1000); // a tick may read the world model before its row is written

        SetStageRecord[] rows = probe.Records();
        Assert.Equal((170 * Ms) + 5000, rows[0].CommandNs);
        Assert.Equal((230 * Ms) + 7000, rows[1].CommandNs);
        Assert.Equal((240 * Ms) + 1000, rows[2].CommandNs);
        Assert.Equal((170 * Ms) + 5000 - (100 * Ms), Stages.DurationNs(rows[0], Stage.EndToEnd));
        Assert.Equal(30 * Ms, Stages.DurationNs(rows[0], Stage.SyncWait));
        Assert.Equal(1 * Ms, Stages.DurationNs(rows[0], Stage.Queueing));
        Assert.Equal(29 * Ms, Stages.DurationNs(rows[0], Stage.Inference));
        Assert.Equal(2 * Ms, Stages.DurationNs(rows[0], Stage.Fusion));
    }

    [Fact]
    public void OnTick_Lateness_IsTheWakeTimesOffsetFromTheDeadlineGrid()
    {
        var probe = new StageProbe();
        probe.SetTickGrid(1_000 * Ms, 10 * Ms);

        probe.OnTick((1_000 * Ms) + 120_000, 0, 0);
        probe.OnTick((1_010 * Ms) + 2_500_000, 0, 0);
        probe.OnTick((1_020 * Ms) + 0, 0, 0);

        Assert.Equal([120_000L, 2_500_000L, 0L], probe.TickLatenessNs());
    }

    [Fact]
    public void MissedTicksAfter_CountsDeadlinesNoTickServed()
    {
        var probe = new StageProbe();
        probe.SetTickGrid(0, 10 * Ms);
        foreach (long deadline in new long[] { 0, 1, 2, 5, 6, 9 })
        {
            probe.OnTick((deadline * 10 * Ms) + 300_000, 0, 0); // deadlines 3, 4, 7, 8 missed
        }

        Assert.Equal(4, probe.MissedTicksAfter(0));
        Assert.Equal(2, probe.MissedTicksAfter(45 * Ms)); // from deadline 5: 7 and 8
    }

    [Fact]
    public void Records_RingWrapped_KeepsTheNewestInOrderAndCountsTheLost()
    {
        var probe = new StageProbe(setCapacity: 16);
        for (int i = 0; i < 40; i++)
        {
            probe.OnWorldModelPublished(i, i, i, i, i, i, i);
        }

        SetStageRecord[] rows = probe.Records();
        Assert.Equal(16, rows.Length);
        Assert.Equal(Enumerable.Range(24, 16).Select(i => (long)i), rows.Select(r => r.SetSequence));
        Assert.Equal(24, probe.SetsOverwritten);
    }

    [Fact]
    public void Disabled_WritesNothing()
    {
        var probe = new StageProbe { Enabled = false };
        probe.SetTickGrid(0, 10 * Ms);
        probe.OnWorldModelPublished(1, 1, 1, 1, 1, 1, 1);
        probe.OnTick(5, 1, 5);

        Assert.Empty(probe.Records());
        Assert.Empty(probe.TickLatenessNs());
    }

    [Fact]
    public void Writes_SteadyState_AllocateNothing()
    {
        var probe = new StageProbe();
        probe.SetTickGrid(0, 10 * Ms);

        // Warm up until the writers are fully jitted (tiering and OSR may allocate on the calling thread while they run).
        long next = 1;
        for (int round = 0; round < 100; round++)
        {
            next = Drive(probe, next, 2_000);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        Drive(probe, next, 10_000);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static long Drive(StageProbe probe, long first, int count)
    {
        for (long i = first; i < first + count; i++)
        {
            probe.OnWorldModelPublished(i, i * Ms, (i * Ms) + 1, (i * Ms) + 2, (i * Ms) + 3, (i * Ms) + 4, (i * Ms) + 5);
            probe.OnTick(i * 10 * Ms, (i * Ms) + 1, (i * 10 * Ms) + 1);
        }

        return first + count;
    }

    [Fact]
    public void DurationNs_MissingStamp_IsMinusOne()
    {
        var row = new SetStageRecord { OldestStartOfFrameNs = 10, ShippedNs = 20, TakenNs = 25 };

        Assert.Equal(10, Stages.DurationNs(row, Stage.SyncWait));
        Assert.Equal(-1, Stages.DurationNs(row, Stage.Inference));
        Assert.Equal(-1, Stages.DurationNs(row, Stage.EndToEnd));
    }
}
