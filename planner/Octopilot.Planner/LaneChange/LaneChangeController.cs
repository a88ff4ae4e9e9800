using Octopilot.Planner.Inputs;
using static Octopilot.Planner.LaneChange.LaneChangeReason;

namespace Octopilot.Planner.LaneChange;

/// <summary>
/// The lane-change state machine. <see cref="Decide"/> has one branch per state and returns only a reason; the next
/// state comes from <see cref="LaneChangeTransitions"/>; <see cref="Enter"/> initialises the new state.
/// </summary>
internal static class LaneChangeController
{
    public static LaneChangeReason Step(ref LaneChangeMemory m, in WorldModelSnapshot world, in LaneChangeContext ctx, PlannerOptions options)
    {
        LaneChangeReason reason = Decide(ref m, world, ctx, options);
        if (reason != None)
        {
            Enter(ref m, LaneChangeTransitions.Next(m.State, reason), world, ctx, options);
        }

        return reason;
    }

    private static LaneChangeReason Decide(ref LaneChangeMemory m, in WorldModelSnapshot world, in LaneChangeContext ctx, PlannerOptions o)
    {
        double dtS = o.TickPeriodS;
        if (!ctx.Engaged)
        {
            return m.IsActive ? Disengaged : None;
        }

        switch (m.State)
        {
            case LaneChangeState.Idle:
                return ctx.Request != Side.None ? DriverRequested : None;

            case LaneChangeState.Requested:
                m.ProcedureTicks++;
                if (ctx.Request != m.Direction)
                {
                    return DriverCancelled;
                }

                LaneChangeReason refusal = Refusal(ref m, world, ctx, o);
                return refusal != None ? refusal : PreconditionsMet;

            case LaneChangeState.WaitingForGap:
            case LaneChangeState.SeekingGap:
            {
                m.ProcedureTicks++;
                if (ctx.Request != m.Direction)
                {
                    return DriverCancelled;
                }

                LaneChangeReason lost = Refusal(ref m, world, ctx, o);
                if (lost != None)
                {
                    return lost;
                }

                double elapsedS = m.ProcedureTicks * dtS;
                if (elapsedS >= o.LaneChangeCancelAfterS)
                {
                    return NotStartedInTime;
                }

                // R79: no lateral movement in the first second of the procedure, even with a free lane; and none
                // while the boundary reads solid or the target lane is missing, even for less than the confirmation time.
                if (elapsedS >= o.MinTimeBeforeLateralS && m.SolidTicks == 0 && m.MissingLaneTicks == 0
                    && TargetLaneGap.Evaluate(world, m.TargetLane, ctx.SpeedMps, o.TargetLaneClearanceM, o) == GapVerdict.Clear)
                {
                    return GapFound;
                }

                return m.State == LaneChangeState.WaitingForGap && elapsedS >= o.GapSeekAfterS ? NoGapWithinWait : None;
            }

            case LaneChangeState.Changing:
            {
                m.LateralTicks++;
                m.Progress = Math.Min(1.0, m.LateralTicks * dtS / o.LaneChangeDurationS);
                m.OffsetM = m.DirectionSign * m.LaneWidthAtStartM * LateralProfile.Shape(m.Progress);

                // Crossed once the path puts the ego centre over the line, or the world model already sees us there.
                bool crossed = m.Progress >= 0.5 || (ctx.WorldUsable && world.EgoLaneIndex == m.TargetLane);
                if (!crossed)
                {
                    if (ctx.Request != m.Direction)
                    {
                        return DriverCancelled;
                    }

                    if (!ctx.WorldUsable)
                    {
                        return WorldModelUnusable;
                    }

                    if (!SideCamerasHealthy(world, m.Direction))
                    {
                        return CamerasUnhealthy;
                    }

                    // Once moving, the front needs only the time gap (not the 100 m start clearance); the rear still S_rear.
                    double abortFrontM = o.StandstillDistanceM + (ctx.SpeedMps * ctx.TimeGapS);
                    if (TargetLaneGap.Evaluate(world, m.TargetLane, ctx.SpeedMps, abortFrontM, o) != GapVerdict.Clear)
                    {
                        return TargetGapClosed;
                    }
                }

                return m.Progress >= 1.0 ? Completed : None;
            }

            case LaneChangeState.Aborting:
            {
                m.AbortTicks++;
                double q = Math.Min(1.0, m.AbortTicks * dtS / m.AbortDurationS);
                m.OffsetM = m.AbortFromOffsetM * (1.0 - LateralProfile.Shape(q));
                m.Progress = m.LaneWidthAtStartM > 0 ? Math.Abs(m.OffsetM) / m.LaneWidthAtStartM : 0;
                return q >= 1.0 ? AbortCompleted : None;
            }

            case LaneChangeState.Done:
            case LaneChangeState.Cancelled:
                // Wait for release so a still-held signal does not start the next procedure at once.
                return ctx.Request == Side.None ? RequestReleased : None;

            default:
                return None;
        }
    }

    /// <summary>Why a lane change may not start or go on waiting; <see cref="None"/> when it may. Also refreshes the target lane.</summary>
    private static LaneChangeReason Refusal(ref LaneChangeMemory m, in WorldModelSnapshot world, in LaneChangeContext ctx, PlannerOptions o)
    {
        if (!ctx.WorldUsable)
        {
            return WorldModelUnusable;
        }

        // A lane missing for less than TargetLaneConfirmS holds the start (see Decide) and keeps the last target lane.
        int target = TargetLaneOf(world, m.Direction);
        bool seen = target >= 0 && target < world.LaneCount;
        m.MissingLaneTicks = seen ? 0 : m.MissingLaneTicks + 1;
        if (seen)
        {
            m.TargetLane = target;
        }
        else if (m.MissingLaneTicks >= ConfirmTicks(o.TargetLaneConfirmS, o))
        {
            m.TargetLane = target;
            return NoTargetLane;
        }

        if (!SideCamerasHealthy(world, m.Direction))
        {
            return CamerasUnhealthy;
        }

        // Every production lane-change assist: never start across a solid line. Unknown or dashed: allowed, as before.
        // A solid reading holds the start at once (see Decide) and cancels once it has lasted SolidBoundaryConfirmS.
        m.SolidTicks = BoundaryToward(world, m.Direction) == LaneMarking.Solid ? m.SolidTicks + 1 : 0;
        if (m.SolidTicks > 0 && m.SolidTicks >= SolidConfirmTicks(o))
        {
            return SolidBoundary;
        }

        return ctx.SpeedMps < o.LaneChangeMinSpeedMps ? BelowMinSpeed : None;
    }

    private static void Enter(ref LaneChangeMemory m, LaneChangeState next, in WorldModelSnapshot world, in LaneChangeContext ctx,
        PlannerOptions o)
    {
        m.State = next;
        switch (next)
        {
            case LaneChangeState.Idle:
                m = default;
                break;

            case LaneChangeState.Requested:
                m.Direction = ctx.Request;
                m.ProcedureTicks = 0;
                m.SolidTicks = 0;
                m.MissingLaneTicks = 0;
                m.TargetLane = ctx.WorldUsable ? TargetLaneOf(world, ctx.Request) : -1;
                break;

            case LaneChangeState.Changing:
                m.LateralTicks = 0;
                m.LaneWidthAtStartM = world.LaneWidthM;
                break;

            case LaneChangeState.Aborting:
                m.AbortFromOffsetM = m.OffsetM;
                m.AbortTicks = 0;
                // Return in proportion to how far we went, but never faster than 1 s: no lateral jerk spike.
                m.AbortDurationS = Math.Max(1.0, o.LaneChangeDurationS * Math.Abs(m.OffsetM) / Math.Max(m.LaneWidthAtStartM, 1.0));
                break;

            case LaneChangeState.Done:
                m.Progress = 1.0;
                m.OffsetM = m.DirectionSign * m.LaneWidthAtStartM;
                break;

            case LaneChangeState.Cancelled:
                m.Progress = 0;
                m.OffsetM = 0;
                m.TargetLane = -1;
                break;
        }
    }

    private static int TargetLaneOf(in WorldModelSnapshot world, Side side) =>
        side == Side.Left ? world.EgoLaneIndex - 1 : world.EgoLaneIndex + 1;

    /// <summary>The marking between the ego lane and the lane on <paramref name="side"/>.</summary>
    /// <summary>Solid readings in a row that cancel: the confirmation time in ticks, at least 1.</summary>
    private static long SolidConfirmTicks(PlannerOptions o) => ConfirmTicks(o.SolidBoundaryConfirmS, o);

    /// <summary>Readings in a row that confirm a condition lasting <paramref name="confirmS"/>, at least 1.</summary>
    private static long ConfirmTicks(double confirmS, PlannerOptions o) => Math.Max(1, (long)Math.Ceiling((confirmS / o.TickPeriodS) - 1e-9));

    private static LaneMarking BoundaryToward(in WorldModelSnapshot world, Side side) =>
        side == Side.Left ? world.EgoLeftBoundaryMarking : world.EgoRightBoundaryMarking;

    private static bool SideCamerasHealthy(in WorldModelSnapshot world, Side side) =>
        side == Side.Left ? world.LeftCamerasHealthy : world.RightCamerasHealthy;
}
