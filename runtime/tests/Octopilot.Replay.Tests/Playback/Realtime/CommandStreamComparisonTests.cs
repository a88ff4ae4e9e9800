using Octopilot.Planner.Inputs;
using Octopilot.Planner.Outputs;
using Octopilot.Replay.Codecs;
using Octopilot.Replay.Playback;
using Octopilot.Replay.Playback.Realtime;

namespace Octopilot.Replay.Tests.Playback.Realtime;

/// <summary>The approximate comparison pairs each recorded tick with the nearest live tick in drive time.</summary>
public sealed class CommandStreamComparisonTests
{
    private const long TickNs = 10_000_000;

    [Fact]
    public void Compare_LiveTicksOffsetByLessThanAPeriod_PairsEachRecordedTickWithItsNearestLiveTick()
    {
        List<RecordedCommand> recorded = Recorded(10, i => 0.1 * i, LongitudinalMode.Cruise);
        // Live: the same accelerations 2 ms later, plus 0.5 m/s² at tick 4, and Follow at tick 7.
        LiveCommandLog live = Live(10, 2_000_000, i => (0.1 * i) + (i == 4 ? 0.5 : 0), i => i == 7 ? LongitudinalMode.Follow : LongitudinalMode.Cruise);

        CommandStreamComparison result = CommandStreamComparison.Compare(recorded, live, long.MinValue, long.MaxValue, TickNs);

        Assert.Equal(10, result.Compared);
        Assert.Equal(0, result.Unpaired);
        Assert.Equal(0.5, result.MaxAbsDeltaAccelMps2, 12);
        Assert.Equal(recorded[4].Tick.NowNs, result.MaxAbsDeltaAtNs);
        Assert.Equal(0.05, result.MeanAbsDeltaAccelMps2, 12);
        Assert.Equal(1, result.ModeMismatches);
        Assert.Equal(recorded[7].Tick.NowNs, result.FirstModeMismatchAtNs);
        Assert.Equal(recorded[7].Tick.NowNs, result.LastModeMismatchAtNs);
        Assert.Equal(2_000_000, result.MeanPairingGapNs, 6);
    }

    [Fact]
    public void Compare_RecordedTicksWithNoLiveTickWithinTheGap_AreCountedUnpaired()
    {
        List<RecordedCommand> recorded = Recorded(10, _ => 0, LongitudinalMode.Cruise);
        LiveCommandLog live = Live(5, 0, _ => 0, _ => LongitudinalMode.Cruise); // the live planner stopped after 5 ticks

        CommandStreamComparison result = CommandStreamComparison.Compare(recorded, live, long.MinValue, long.MaxValue, TickNs / 2);

        Assert.Equal(5, result.Compared);
        Assert.Equal(5, result.Unpaired);
    }

    [Fact]
    public void Compare_Window_LeavesOutRecordedTicksOutsideIt()
    {
        List<RecordedCommand> recorded = Recorded(10, _ => 0, LongitudinalMode.Cruise);
        LiveCommandLog live = Live(10, 0, _ => 0, _ => LongitudinalMode.Cruise);

        CommandStreamComparison result = CommandStreamComparison.Compare(recorded, live, recorded[2].Tick.NowNs, recorded[6].Tick.NowNs, TickNs);

        Assert.Equal(4, result.Compared);
    }

    private static List<RecordedCommand> Recorded(int count, Func<int, double> accel, LongitudinalMode mode) =>
        Enumerable.Range(0, count)
            .Select(i => new RecordedCommand(
                new RecordedTick(1_000_000_000 + (i * TickNs), 0, default(VehicleState)),
                new PlannerOutput { TargetAccelMps2 = accel(i), Mode = mode }, []))
            .ToList();

    private static LiveCommandLog Live(int count, long offsetNs, Func<int, double> accel, Func<int, LongitudinalMode> mode)
    {
        var log = new LiveCommandLog(count);
        for (int i = 0; i < count; i++)
        {
            log.OnTick(new PlannerInputs { NowNs = 1_000_000_000 + (i * TickNs) + offsetNs }, new PlannerOutput { TargetAccelMps2 = accel(i), Mode = mode(i) });
        }

        return log;
    }
}
