using Octopilot.Planner.Acc;
using Octopilot.Planner.Inputs;
using Octopilot.Planner.LaneChange;
using Octopilot.Planner.Outputs;
using Octopilot.Planner.Tests.Infrastructure;

namespace Octopilot.Planner.Tests.LaneChange;

public sealed class GapSeekTests
{
    private static PlannerInputs Alongside(double egoSpeedMps) =>
        Road.Inputs(egoSpeedMps, setSpeedMps: 25, signal: Side.Left).With(Road.Car(1, 1.35, 25, lane: 0));

    [Fact]
    public void Step_NoClearanceFor5s_SeeksGapByAcceleratingAboveSetSpeedWithinEnvelope()
    {
        var planner = new Planner(Road.Options);
        var recorder = new Recorder();
        PlannerOutput before = Drive.Run(planner, Drive.Seconds(4.9), _ => Alongside(25), recorder.Observe);
        PlannerOutput after = Drive.Run(planner, Drive.Seconds(2), _ => Alongside(25), (i, o) => recorder.Observe(i + 490, o));

        Assert.Equal(LaneChangeState.WaitingForGap, before.LaneChangeState);
        Assert.Equal(0, before.TargetAccelMps2, 6); // at set speed, nothing ahead
        Assert.Equal(LaneChangeState.SeekingGap, after.LaneChangeState);
        Assert.True(recorder.TickOf(LaneChangeReason.NoGapWithinWait) * 0.01 >= Road.Options.GapSeekAfterS - 0.02);
        Assert.True(after.TargetAccelMps2 > 0.5);
        Assert.True(after.TargetAccelMps2 <= AccEnvelope.MaxAccelMps2(25, Road.Options));
    }

    [Fact]
    public void Step_SeekingAtSetSpeedPlusMargin_DoesNotAccelerateFurther()
    {
        var planner = new Planner(Road.Options);
        double capMps = 25 + Road.Options.GapSeekSpeedMarginMps;
        PlannerOutput output = Drive.Run(planner, Drive.Seconds(8), i => Alongside(i < Drive.Seconds(5) ? 25 : capMps));
        Assert.Equal(LaneChangeState.SeekingGap, output.LaneChangeState);
        Assert.True(output.TargetAccelMps2 <= 1e-6);
    }

    [Fact]
    public void Step_SeekingWithOwnLeadInsideTimeGap_NeverAccelerates()
    {
        var planner = new Planner(Road.Options);
        // Lead 30 m ahead at our speed: inside the 1.5 s gap (40.5 m) at 25 m/s.
        PlannerOutput output = Drive.Run(planner, Drive.Seconds(7), _ => Alongside(25).With(Road.CarAhead(2, 30, 25)));
        Assert.Equal(LaneChangeState.SeekingGap, output.LaneChangeState);
        Assert.True(output.TargetAccelMps2 <= 0);
    }
}
