using Octopilot.Planner.Inputs;
using Octopilot.Planner.LaneChange;
using Octopilot.Planner.Outputs;
using Octopilot.Planner.Tests.Infrastructure;

namespace Octopilot.Planner.Tests.LaneChange;

public sealed class LaneChangePreconditionTests
{
    /// <param name="options">Road.Options unless given.</param>
    private static LaneChangeReason Refusal(PlannerInputs inputs, PlannerOptions? options = null)
    {
        var planner = new Planner(options ?? Road.Options);
        planner.Step(inputs);
        PlannerOutput output = planner.Step(inputs);
        Assert.Equal(LaneChangeState.Cancelled, output.LaneChangeState);
        Assert.True((output.Alerts & PlannerAlerts.LaneChangeUnavailable) != 0);
        return output.LaneChangeTransition;
    }

    [Fact]
    public void Step_BelowMinSpeed_RefusedBelowMinSpeed() =>
        Assert.Equal(LaneChangeReason.BelowMinSpeed, Refusal(Road.Inputs(Road.Options.LaneChangeMinSpeedMps - 0.1, signal: Side.Left)));

    // Refused on the first tick with no confirmation time; the default's 0.3 s is MissingTargetLaneTests'.
    private static readonly PlannerOptions ImmediateLaneRefusal = Road.Options with { TargetLaneConfirmS = 0 };

    [Fact]
    public void Step_LeftFromLeftmostLane_RefusedNoTargetLane() =>
        Assert.Equal(LaneChangeReason.NoTargetLane, Refusal(Road.Inputs(25, signal: Side.Left, egoLane: 0), ImmediateLaneRefusal));

    [Fact]
    public void Step_RightFromRightmostLane_RefusedNoTargetLane() =>
        Assert.Equal(LaneChangeReason.NoTargetLane, Refusal(Road.Inputs(25, signal: Side.Right, egoLane: 2), ImmediateLaneRefusal));

    [Fact]
    public void Step_LeftCamerasUnhealthy_RefusedCamerasUnhealthy()
    {
        PlannerInputs inputs = Road.Inputs(25, signal: Side.Left);
        inputs.World.LeftCamerasHealthy = false;
        Assert.Equal(LaneChangeReason.CamerasUnhealthy, Refusal(inputs));
    }

    [Fact]
    public void Step_RightCamerasUnhealthyLeftRequest_Allowed()
    {
        PlannerInputs inputs = Road.Inputs(25, signal: Side.Left);
        inputs.World.RightCamerasHealthy = false;
        var planner = new Planner(Road.Options);
        PlannerOutput output = Drive.Run(planner, 2, _ => inputs);
        Assert.Equal(LaneChangeState.WaitingForGap, output.LaneChangeState);
    }
}
