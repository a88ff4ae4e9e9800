using Octopilot.Core.Threading;
using Octopilot.Core.Time;
using Octopilot.Planner.Inputs;
using Octopilot.Planner.Lateral;
using Octopilot.Planner.Outputs;
using Octopilot.Planner.Tick;

namespace Octopilot.Planner.Realtime.Tests;

public sealed class PlannerTickStepTests
{
    private const long PeriodNs = 10_000_000;
    private const double LaneWidthM = 3.5;

    private readonly LatestValueMailbox<WorldModelSnapshot> _world = new();
    private readonly LatestValueMailbox<VehicleState> _vehicle = new();
    private readonly LatestValueMailbox<PlannerOutput> _commands = new();

    private static WorldModelSnapshot WorldWithLead(long timestampNs, double leadXM, double leadSpeedMps)
    {
        var world = new WorldModelSnapshot
        {
            TimestampNs = timestampNs, IsValid = true, LaneCount = 3, EgoLaneIndex = 1, LaneWidthM = LaneWidthM,
            EgoCentreLine = new LaneCentreLine(0, 0, 0, 0, 1),
            LeftCamerasHealthy = true, RightCamerasHealthy = true, FrontCamerasHealthy = true,
        };
        Assert.True(world.Objects.TryAdd(new TrackedObject
        {
            Id = 7, XM = leadXM, YM = 0, VxMps = leadSpeedMps, LengthM = 4.5, WidthM = 1.8, LaneIndex = 1,
        }));
        return world;
    }

    private static VehicleState Driving(double speedMps) => new()
    {
        SpeedMps = speedMps,
        Driver = new DriverInputs { SetSpeedMps = 30, Engaged = true, TimeGap = TimeGapSetting.Medium },
    };

    private PlannerTickStep NewStep() => new(new PlannerOptions(), _world, _vehicle, _commands);

    [Fact]
    public void Tick_FreshWorldWithLead_PublishesAFollowCommandForThatLead()
    {
        PlannerTickStep step = NewStep();
        _world.Publish(WorldWithLead(timestampNs: 0, leadXM: 40, leadSpeedMps: 20));
        _vehicle.Publish(Driving(25));

        step.Tick(new TickContext(0, PeriodNs, PeriodNs, PeriodNs));

        Assert.True(_commands.TryRead(out PlannerOutput command, out int version));
        Assert.Equal(1, version);
        Assert.Equal(7, command.LeadId);
        Assert.True(command.TargetAccelMps2 < 0, $"closing on a slower lead must brake, got {command.TargetAccelMps2}");
        Assert.False(command.TakeoverRequested);
    }

    [Fact]
    public void Tick_WorldStopsUpdating_FallsBackWithTakeoverOnceStale()
    {
        PlannerTickStep step = NewStep();
        _world.Publish(WorldWithLead(timestampNs: 0, leadXM: 60, leadSpeedMps: 25));
        _vehicle.Publish(Driving(25));

        PlannerOutput command = default;
        for (long tick = 1; tick <= 40; tick++)
        {
            step.Tick(new TickContext(tick, tick * PeriodNs, tick * PeriodNs, PeriodNs));
            Assert.True(_commands.TryRead(out command, out _));
        }

        Assert.True(command.TakeoverRequested, "a world model 400 ms old is stale (bound 200 ms)");
        Assert.Equal(TakeoverReason.WorldModelStale, command.TakeoverReason);
        Assert.Equal(LongitudinalMode.Fallback, command.Mode);

        // The fallback ramps (jerk-limited) to a gentle deceleration: braking within a couple of seconds, never NaN.
        for (long tick = 41; tick <= 300; tick++)
        {
            step.Tick(new TickContext(tick, tick * PeriodNs, tick * PeriodNs, PeriodNs));
            Assert.True(_commands.TryRead(out command, out _));
            Assert.True(double.IsFinite(command.TargetAccelMps2));
        }

        Assert.True(command.TargetAccelMps2 < 0, $"3 s into a stale world model the command must brake, got {command.TargetAccelMps2}");
    }

    [Fact]
    public void Tick_NothingPublishedYet_FallsBackSafely()
    {
        PlannerTickStep step = NewStep();

        step.Tick(new TickContext(0, PeriodNs, PeriodNs, PeriodNs));

        Assert.True(_commands.TryRead(out PlannerOutput command, out _));
        Assert.True(double.IsFinite(command.TargetAccelMps2));
        Assert.True(command.TargetAccelMps2 <= 0);
    }

    [Fact]
    public void Tick_ThousandTicksAfterWarmup_AllocatesNothing()
    {
        PlannerTickStep step = NewStep();
        _vehicle.Publish(Driving(25));
        for (long tick = 0; tick < 50; tick++)
        {
            _world.Publish(WorldWithLead(tick * PeriodNs, 40, 24));
            step.Tick(new TickContext(tick, tick * PeriodNs, tick * PeriodNs, PeriodNs));
        }

        WorldModelSnapshot world = WorldWithLead(0, 40, 24);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (long tick = 50; tick < 1050; tick++)
        {
            world.TimestampNs = tick * PeriodNs;
            _world.Publish(world);
            step.Tick(new TickContext(tick, tick * PeriodNs, tick * PeriodNs, PeriodNs));
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(1050, step.Steps);
    }

    [Fact]
    public void FixedTickLoop_RealClock_RunsThePlannerAtItsRate()
    {
        PlannerTickStep step = NewStep();
        _vehicle.Publish(Driving(25));
        _world.Publish(WorldWithLead(MonotonicClock.Instance.NowNs, 50, 25));
        using var loop = new FixedTickLoop(step, MonotonicClock.Instance, new TickLoopOptions(), NullTickObserver.Instance, TextWriter.Null);

        loop.Start();
        Thread.Sleep(300);
        loop.Stop();

        Assert.True(step.Steps >= 5, $"only {step.Steps} planner steps in 300 ms at 100 Hz");
        Assert.True(_commands.Version >= 5);
    }
}
