using Octopilot.Planner.Inputs;
using Octopilot.Planner.LaneChange;
using Octopilot.Planner.Outputs;
using Octopilot.Planner.Tests.Infrastructure;
using static Octopilot.Planner.LaneChange.LaneChangeReason;

namespace Octopilot.Planner.Tests.LaneChange;

/// <summary>
/// A lane change is not started across a solid boundary (refused with <see cref="SolidBoundary"/> and counted once the
/// line has read solid for <see cref="PlannerOptions.SolidBoundaryConfirmS"/>, held while it reads solid for less);
/// dashed or unknown markings behave as before; a change already under way is not aborted by the rule.
/// </summary>
public sealed class SolidBoundaryTests
{
    private static readonly int ConfirmTicks = (int)Math.Ceiling(Road.Options.SolidBoundaryConfirmS / Road.Options.TickPeriodS - 1e-9);

    private static PlannerInputs Inputs(Side signal, LaneMarking left, LaneMarking right)
    {
        PlannerInputs inputs = Road.Inputs(25, signal: signal);
        inputs.World.EgoLeftBoundaryMarking = left;
        inputs.World.EgoRightBoundaryMarking = right;
        return inputs;
    }

    [Theory]
    [InlineData(Side.Left, LaneMarking.Solid, LaneMarking.Dashed)]
    [InlineData(Side.Right, LaneMarking.Dashed, LaneMarking.Solid)]
    public void Step_RequestAcrossSolidBoundary_RefusedSolidBoundaryAndCounted(Side side, LaneMarking left, LaneMarking right)
    {
        var planner = new Planner(Road.Options);
        var recorder = new Recorder();

        PlannerOutput output = Drive.Run(planner, Drive.Seconds(3), _ => Inputs(side, left, right), recorder.Observe);

        Assert.Equal([DriverRequested, PreconditionsMet, SolidBoundary], recorder.Reasons);
        // Solid from the request's first tick: cancelled on the tick it has read solid for the confirmation time, well
        // before the 1 s after which the car could first move.
        Assert.Equal(recorder.TickOf(DriverRequested) + ConfirmTicks, recorder.TickOf(SolidBoundary));
        Assert.True(recorder.TickOf(SolidBoundary) < Drive.Seconds(Road.Options.MinTimeBeforeLateralS));
        Assert.Equal(LaneChangeState.Cancelled, output.LaneChangeState);
        Assert.Equal(0, output.LateralTargetOffsetM);
        Assert.Equal(1, planner.State.SolidBoundaryRefusals);
        PlannerOutput refused = RefusalTick(side, left, right);
        Assert.True((refused.Alerts & PlannerAlerts.LaneChangeUnavailable) != 0);
    }

    [Theory]
    [InlineData(LaneMarking.Dashed)]
    [InlineData(LaneMarking.Unknown)]
    public void Step_RequestAcrossDashedOrUnknownBoundary_ChangesLaneAsBefore(LaneMarking toward)
    {
        // The other side is solid: only the boundary toward the target lane counts.
        var planner = new Planner(Road.Options);
        var recorder = new Recorder();

        Drive.Run(planner, Drive.Seconds(7), _ => Inputs(Side.Left, toward, LaneMarking.Solid), recorder.Observe);

        Assert.Equal([DriverRequested, PreconditionsMet, GapFound, Completed], recorder.Reasons);
        Assert.Equal(0, planner.State.SolidBoundaryRefusals);
    }

    [Fact]
    public void Step_BoundaryTurnsSolidWhileWaitingForGap_CancelledSolidBoundary()
    {
        // A car alongside on the left keeps the procedure waiting; then the divider reads solid (a no-overtaking stretch).
        var planner = new Planner(Road.Options);
        var recorder = new Recorder();
        PlannerInputs Waiting(int tick)
        {
            PlannerInputs inputs = Inputs(Side.Left, tick < 50 ? LaneMarking.Dashed : LaneMarking.Solid, LaneMarking.Dashed);
            inputs.World.Objects.TryAdd(Road.Car(1, 0, 25, lane: 0));
            return inputs;
        }

        Drive.Run(planner, 100, Waiting, recorder.Observe);

        Assert.Equal([DriverRequested, PreconditionsMet, SolidBoundary], recorder.Reasons);
        Assert.Equal(50 + ConfirmTicks - 1, recorder.TickOf(SolidBoundary)); // solid from tick 50
        Assert.Equal(1, planner.State.SolidBoundaryRefusals);
    }

    [Fact]
    public void Step_DividerMisreadSolidBrieflyWhenTheGapIsFree_HeldThenChangesLane()
    {
        // A free lane, and the divider reads solid for less than the confirmation time just when the change could
        // start (1 s after the request): nothing is cancelled, and no lateral movement starts while it reads solid.
        int firstSolid = Drive.Seconds(Road.Options.MinTimeBeforeLateralS) - 5, solidTicks = ConfirmTicks - 1;
        bool Misread(int tick) => tick >= firstSolid && tick < firstSolid + solidTicks;
        var planner = new Planner(Road.Options);
        var recorder = new Recorder();
        var movedWhileSolid = new List<int>();

        Drive.Run(
            planner, Drive.Seconds(8), tick => Inputs(Side.Left, Misread(tick) ? LaneMarking.Solid : LaneMarking.Dashed, LaneMarking.Dashed),
            recorder.ObserveWhileHeld(Misread, movedWhileSolid));

        Assert.Equal([DriverRequested, PreconditionsMet, GapFound, Completed], recorder.Reasons);
        Assert.Empty(movedWhileSolid);
        Assert.Equal(firstSolid + solidTicks, recorder.TickOf(GapFound));
        Assert.Equal(0, planner.State.SolidBoundaryRefusals);
    }

    [Fact]
    public void Step_NoConfirmationTime_FirstSolidReadingCancels()
    {
        var options = new PlannerOptions { SolidBoundaryConfirmS = 0 };
        var planner = new Planner(options);
        var recorder = new Recorder();

        Drive.Run(planner, Drive.Seconds(2), _ => Inputs(Side.Left, LaneMarking.Solid, LaneMarking.Dashed), recorder.Observe);

        Assert.Equal([DriverRequested, SolidBoundary], recorder.Reasons);
        Assert.Equal(recorder.TickOf(DriverRequested) + 1, recorder.TickOf(SolidBoundary));
    }

    [Fact]
    public void Options_ConfirmationLongerThanTheTimeBeforeMovement_IsRefusedNamingIt()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => new PlannerOptions { SolidBoundaryConfirmS = 1.5 }.Validate());
        Assert.Contains(nameof(PlannerOptions.SolidBoundaryConfirmS), e.Message);
    }

    [Fact]
    public void Step_BoundaryReadsSolidAfterLateralMovementStarted_ChangeCompletes()
    {
        var planner = new Planner(Road.Options);
        var recorder = new Recorder();
        int changingFrom = -1;
        Drive.Run(planner, Drive.Seconds(8), tick => Inputs(Side.Left, changingFrom >= 0 ? LaneMarking.Solid : LaneMarking.Dashed, LaneMarking.Dashed), (tick, output) =>
        {
            recorder.Observe(tick, output);
            if (changingFrom < 0 && output.LaneChangeState == LaneChangeState.Changing)
            {
                changingFrom = tick;
            }
        });

        Assert.True(changingFrom >= 0, "the change never started");
        Assert.Equal([DriverRequested, PreconditionsMet, GapFound, Completed], recorder.Reasons);
        Assert.Equal(0, planner.State.SolidBoundaryRefusals);
    }

    [Fact]
    public void Rows_SolidBoundaryCancelsBeforeMovementOnly()
    {
        foreach (LaneChangeState from in new[] { LaneChangeState.Requested, LaneChangeState.WaitingForGap, LaneChangeState.SeekingGap })
        {
            Assert.True(LaneChangeTransitions.TryGetNext(from, SolidBoundary, out LaneChangeState to));
            Assert.Equal(LaneChangeState.Cancelled, to);
        }

        Assert.False(LaneChangeTransitions.TryGetNext(LaneChangeState.Changing, SolidBoundary, out _));
    }

    private static PlannerOutput RefusalTick(Side side, LaneMarking left, LaneMarking right)
    {
        var planner = new Planner(Road.Options);
        PlannerOutput output = planner.Step(Inputs(side, left, right));
        for (int tick = 1; tick < Drive.Seconds(3) && output.LaneChangeTransition != SolidBoundary; tick++)
        {
            output = planner.Step(Inputs(side, left, right));
        }

        Assert.Equal(SolidBoundary, output.LaneChangeTransition);
        return output;
    }
}
