using Octopilot.Planner.Inputs;
using Octopilot.Planner.LaneChange;
using Octopilot.Planner.Tests.Infrastructure;
using static Octopilot.Planner.LaneChange.LaneChangeReason;

namespace Octopilot.Planner.Tests.LaneChange;

/// <summary>
/// A lane change toward a side with no lane is cancelled (<see cref="NoTargetLane"/>) once the lane has been missing for
/// <see cref="PlannerOptions.TargetLaneConfirmS"/>; a lane fit that drops the target lane for less holds the start
/// (no lateral movement while it is missing) and the change goes on.
/// </summary>
public sealed class MissingTargetLaneTests
{
    private static readonly int ConfirmTicks = (int)Math.Ceiling(Road.Options.TargetLaneConfirmS / Road.Options.TickPeriodS - 1e-9);

    [Fact]
    public void Step_RequestTowardNoLane_CancelledAfterTheConfirmationTime()
    {
        // Ego in the leftmost lane, signal left: there is no lane there.
        var planner = new Planner(Road.Options);
        var recorder = new Recorder();

        Drive.Run(planner, Drive.Seconds(2), _ => Road.Inputs(25, signal: Side.Left, egoLane: 0), recorder.Observe);

        Assert.Equal([DriverRequested, PreconditionsMet, NoTargetLane], recorder.Reasons);
        Assert.Equal(recorder.TickOf(DriverRequested) + ConfirmTicks, recorder.TickOf(NoTargetLane));
        Assert.True(recorder.TickOf(NoTargetLane) < Drive.Seconds(Road.Options.MinTimeBeforeLateralS));
    }

    [Fact]
    public void Step_LaneFitDropsTheTargetLaneBriefly_HeldThenChangesLane()
    {
        // One lane fit reads 2 lanes with the ego leftmost for fewer sets than the confirmation time, just when the change
        // could start: nothing is cancelled, and no lateral movement starts while the lane is missing.
        int firstMissing = Drive.Seconds(Road.Options.MinTimeBeforeLateralS) - 3, missingTicks = ConfirmTicks - 1;
        bool Missing(int tick) => tick >= firstMissing && tick < firstMissing + missingTicks;
        var planner = new Planner(Road.Options);
        var recorder = new Recorder();
        var movedWhileMissing = new List<int>();

        Drive.Run(
            planner, Drive.Seconds(8), tick => Missing(tick) ? Road.Inputs(25, signal: Side.Left, laneCount: 2, egoLane: 0) : Road.Inputs(25, signal: Side.Left),
            recorder.ObserveWhileHeld(Missing, movedWhileMissing));

        Assert.Equal([DriverRequested, PreconditionsMet, GapFound, Completed], recorder.Reasons);
        Assert.Empty(movedWhileMissing);
        Assert.Equal(firstMissing + missingTicks, recorder.TickOf(GapFound));
    }

    [Fact]
    public void Step_NoConfirmationTime_FirstSetWithoutTheLaneCancels()
    {
        var planner = new Planner(new PlannerOptions { TargetLaneConfirmS = 0 });
        var recorder = new Recorder();

        Drive.Run(planner, Drive.Seconds(2), _ => Road.Inputs(25, signal: Side.Left, egoLane: 0), recorder.Observe);

        Assert.Equal([DriverRequested, NoTargetLane], recorder.Reasons);
        Assert.Equal(recorder.TickOf(DriverRequested) + 1, recorder.TickOf(NoTargetLane));
    }

    [Fact]
    public void Options_ConfirmationLongerThanTheTimeBeforeMovement_IsRefusedNamingIt()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => new PlannerOptions { TargetLaneConfirmS = 1.5 }.Validate());
        Assert.Contains(nameof(PlannerOptions.TargetLaneConfirmS), e.Message);
    }
}
