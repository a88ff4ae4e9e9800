using Octopilot.Planner.Inputs;
using Octopilot.Planner.LaneChange;
using Octopilot.Planner.Outputs;
using Octopilot.Planner.Tests.Infrastructure;
using static Octopilot.Planner.LaneChange.LaneChangeReason;

namespace Octopilot.Planner.Tests.LaneChange;

public sealed class LaneChangeHappyPathTests
{
    [Fact]
    public void Step_FreeLeftLane_IdleRequestedWaitingChangingDoneIdle_WithReasons()
    {
        var planner = new Planner(Road.Options);
        var recorder = new Recorder();
        Drive.Run(planner, Drive.Seconds(7), _ => Road.Inputs(25, signal: Side.Left), recorder.Observe);
        Drive.Run(planner, 2, _ => Road.Inputs(25), (i, o) => recorder.Observe(i + 10_000, o));

        Assert.Equal([DriverRequested, PreconditionsMet, GapFound, Completed, RequestReleased], recorder.Reasons);
        Assert.Equal(LaneChangeState.Idle, planner.State.LaneChangeState);
    }

    [Fact]
    public void Step_FreeLane_LateralMovementNotBefore1sAndCompleteWithin5s()
    {
        var planner = new Planner(Road.Options);
        var recorder = new Recorder();
        int firstMoveTick = -1;
        PlannerOutput done = default;
        Drive.Run(planner, Drive.Seconds(8), _ => Road.Inputs(25, signal: Side.Left), (i, o) =>
        {
            recorder.Observe(i, o);
            if (firstMoveTick < 0 && o.LateralTargetOffsetM != 0)
            {
                firstMoveTick = i;
            }

            if (o.LaneChangeTransition == Completed)
            {
                done = o;
            }
        });

        int start = recorder.TickOf(DriverRequested);
        Assert.True((firstMoveTick - start) * 0.01 >= 1.0 - 1e-9, $"lateral movement after {(firstMoveTick - start) * 0.01} s");
        Assert.True((recorder.TickOf(Completed) - recorder.TickOf(GapFound)) * 0.01 <= PlannerOptions.MaxLaneChangeDurationS);
        Assert.Equal(Road.LaneWidthM, done.LateralTargetOffsetM, 9);
        Assert.Equal(0, done.TargetLaneIndex);
    }

    [Fact]
    public void Step_RightRequestViaButton_TargetsLaneToTheRightWithNegativeOffset()
    {
        var planner = new Planner(Road.Options);
        PlannerInputs Inputs(int _)
        {
            PlannerInputs inputs = Road.Inputs(25);
            inputs.Vehicle = inputs.Vehicle with { Driver = inputs.Vehicle.Driver with { LaneChangeRequest = Side.Right } };
            return inputs;
        }

        PlannerOutput output = Drive.Run(planner, Drive.Seconds(3), Inputs);
        Assert.Equal(LaneChangeState.Changing, output.LaneChangeState);
        Assert.Equal(2, output.TargetLaneIndex);
        Assert.True(output.LateralTargetOffsetM < 0);
    }
}
