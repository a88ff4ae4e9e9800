using Octopilot.Core.Threading;
using Octopilot.Core.Time;
using Octopilot.Planner.Inputs;
using Octopilot.Planner.Outputs;
using Octopilot.Replay.Codecs;
using Octopilot.Replay.Playback;
using Octopilot.Replay.Playback.Realtime;

namespace Octopilot.Replay.Tests.Playback.Realtime;

/// <summary>The replay vehicle publishes the recorded ticks' vehicle states, each just before its tick, changes only.</summary>
public sealed class ReplayVehicleTests
{
    private const long TickNs = 10_000_000;

    [Fact]
    public void Start_PublishesEachRecordedStateChange_AtItsTickTimeMinusTheLead()
    {
        var clock = new VirtualClock(0);
        var mailbox = new LatestValueMailbox<VehicleState>();
        // Ticks 0..9 at 20, ticks 10..19 at 21 m/s: two distinct states.
        List<RecordedCommand> ticks = Ticks(20, i => i < 10 ? 20 : 21);
        using var vehicle = new ReplayVehicle(ticks, mailbox, clock);

        vehicle.Start();

        Assert.Equal(2, vehicle.StateChanges);
        Assert.True(mailbox.TryRead(out VehicleState first, out _));
        Assert.Equal(20, first.SpeedMps);
        long changeDueNs = ticks[10].Tick.NowNs - ReplayVehicle.DefaultLeadNs;
        clock.AdvanceTo(changeDueNs - 1);
        Thread.Sleep(50);
        Assert.True(mailbox.TryRead(out VehicleState before, out _));
        Assert.Equal(20, before.SpeedMps);
        clock.AdvanceTo(changeDueNs);
        Assert.True(SpinWait.SpinUntil(() => vehicle.HasEnded, 5_000));
        Assert.True(mailbox.TryRead(out VehicleState after, out _));
        Assert.Equal(21, after.SpeedMps);
        Assert.Equal(2, vehicle.Published);
    }

    [Fact]
    public void Constructor_Window_KeepsOnlyTheTicksInside()
    {
        List<RecordedCommand> ticks = Ticks(20, i => 20 + i);
        using var vehicle = new ReplayVehicle(ticks, new LatestValueMailbox<VehicleState>(), new VirtualClock(0), ticks[5].Tick.NowNs, ticks[15].Tick.NowNs);

        Assert.Equal(10, vehicle.StateChanges);
    }

    private static List<RecordedCommand> Ticks(int count, Func<int, double> speedMps) =>
        Enumerable.Range(0, count)
            .Select(i => new RecordedCommand(
                new RecordedTick(1_000_000_000 + (i * TickNs), 0, new VehicleState { SpeedMps = speedMps(i) }), default(PlannerOutput), []))
            .ToList();
}
