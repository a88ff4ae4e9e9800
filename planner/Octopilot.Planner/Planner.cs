using Octopilot.Planner.Acc;
using Octopilot.Planner.Faults;
using Octopilot.Planner.Inputs;
using Octopilot.Planner.LaneChange;
using Octopilot.Planner.Lateral;
using Octopilot.Planner.Outputs;

namespace Octopilot.Planner;

/// <summary>
/// The rule-based planner. <see cref="Step(in PlannerInputs, ref PlannerState, PlannerOptions)"/> is the pure step:
/// same inputs + same state → same output and state, no allocation, no clock, no I/O. The instance form owns one
/// state and validated options for callers (the tick loop, the simulation) that want exactly that. Not thread-safe:
/// one thread steps one planner.
/// </summary>
public sealed class Planner
{
    private PlannerState _state;

    /// <summary>Validates <paramref name="options"/> once; throws <see cref="ArgumentOutOfRangeException"/> naming the bad option.</summary>
    public Planner(PlannerOptions options)
    {
        options.Validate();
        Options = options;
    }

    public PlannerOptions Options { get; }

    /// <summary>The state after the last step. Valid until the next <see cref="Step(in PlannerInputs)"/>.</summary>
    public ref readonly PlannerState State => ref _state;

    public PlannerOutput Step(in PlannerInputs inputs) => Step(inputs, ref _state, Options);

    public void Reset() => _state = default;

    /// <summary>
    /// One tick. Order: validate inputs → judge the world model (bad/invalid/stale/front cameras) → lane change state
    /// machine → lateral controller (also when disengaged: it ramps the curvature to 0) → distance keep (or the fallback
    /// ramp) → standstill hold → jerk limit → envelope clamp → takeover rule.
    /// <paramref name="options"/> must have passed <see cref="PlannerOptions.Validate"/>.
    /// </summary>
    public static PlannerOutput Step(in PlannerInputs inputs, ref PlannerState state, PlannerOptions options)
    {
        state.TickCount++;
        InputFaultDetail fault = InputValidator.Check(inputs, options);
        if (fault.Fault != InputFault.None)
        {
            state.Faults.Increment(fault.Fault);
            state.LastFaultDetail = fault;
        }

        DriverInputs driver = inputs.Vehicle.Driver;
        bool vehicleFinite = fault.Fault != InputFault.NonFiniteVehicleState;
        if (vehicleFinite)
        {
            // A NaN speed must not reach the envelope or the laws: keep the last good one.
            state.LastGoodSpeedMps = Math.Max(0, inputs.Vehicle.SpeedMps);
            state.LastGoodSetSpeedMps = Math.Max(0, driver.SetSpeedMps);
        }

        double speedMps = state.LastGoodSpeedMps;
        TakeoverReason worldProblem = JudgeWorld(inputs, fault.Fault, options);
        if (worldProblem is TakeoverReason.WorldModelStale or TakeoverReason.WorldModelInvalid)
        {
            state.StaleTickCount++;
        }

        bool worldUsable = worldProblem == TakeoverReason.None;
        Side request = driver.LaneChangeRequest != Side.None ? driver.LaneChangeRequest : driver.TurnSignal;
        double timeGapS = options.TimeGapS(driver.TimeGap);
        var laneChangeContext = new LaneChangeContext(request, driver.Engaged, worldUsable, speedMps, timeGapS);
        LaneChangeState laneChangeBefore = state.LaneChange.State;
        LaneChangeReason transition = LaneChangeController.Step(ref state.LaneChange, inputs.World, laneChangeContext, options);
        if (transition == LaneChangeReason.SolidBoundary)
        {
            state.SolidBoundaryRefusalCount++;
        }
        LateralOutput lateral = StepLateral(inputs, ref state, laneChangeBefore, options);

        if (!driver.Engaged)
        {
            return Disengaged(ref state, inputs, vehicleFinite, transition, fault.Fault, lateral);
        }

        // ---- Longitudinal demand --------------------------------------------------------------------------------
        Lead lead = worldUsable ? LeadSelector.Select(inputs.World, options) : Lead.None;
        double jerkMps3 = AccEnvelope.MaxJerkMps3(speedMps, options);
        AccDemand demand;
        LongitudinalMode mode;
        if (worldUsable)
        {
            bool seekingGap = state.LaneChange.State == LaneChangeState.SeekingGap;
            double cruiseSpeedMps = state.LastGoodSetSpeedMps + (seekingGap ? options.GapSeekSpeedMarginMps : 0);
            demand = DistanceKeeper.Compute(speedMps, cruiseSpeedMps, timeGapS, lead, options, noAccelInsideTimeGap: seekingGap);
            mode = demand.Following ? LongitudinalMode.Follow : LongitudinalMode.Cruise;
        }
        else
        {
            demand = new AccDemand(-options.FallbackDecelMps2, options.StandstillDistanceM + (speedMps * timeGapS), 0, false);
            jerkMps3 = Math.Min(jerkMps3, options.FallbackJerkMps3);
            mode = LongitudinalMode.Fallback;
        }

        double desiredMps2 = demand.DesiredAccelMps2;

        // ---- Standstill: hold until the driver presses resume ---------------------------------------------------
        state.ResumeTicksLeft = driver.ResumePressed ? Ticks(options.ResumeValidityS, options) : Math.Max(0, state.ResumeTicksLeft - 1);
        if (speedMps < options.StandstillSpeedMps && state.ResumeTicksLeft == 0)
        {
            desiredMps2 = options.StandstillHoldAccelMps2;
            mode = worldUsable ? LongitudinalMode.StandstillHold : LongitudinalMode.Fallback;
        }

        // ---- Jerk limit, then the envelope; the envelope wins (it only moves with speed, so any step it forces is tiny).
        double maxDecelMps2 = AccEnvelope.MaxDecelMps2(speedMps, options);
        double commandMps2 = JerkLimiter.Limit(state.PreviousCommandMps2, desiredMps2, jerkMps3, options.TickPeriodS);
        commandMps2 = Math.Clamp(commandMps2, -maxDecelMps2, AccEnvelope.MaxAccelMps2(speedMps, options));
        if (!double.IsFinite(commandMps2))
        {
            // Unreachable by construction (inputs are validated); the last guard that no NaN leaves the planner.
            commandMps2 = -options.FallbackDecelMps2;
        }

        state.PreviousCommandMps2 = commandMps2;

        // ---- Takeover rule --------------------------------------------------------------------------------------
        TakeoverReason takeover = worldProblem;
        if (takeover == TakeoverReason.None && demand.TakeoverRequiredDecelMps2 > options.TakeoverDecelFraction * maxDecelMps2)
        {
            takeover = TakeoverReason.InsufficientAuthority;
        }

        // Only a hand-back counts: the lateral side held and gave up (latched), or steers at its limit. Engaged without
        // a good line yet it never steered, so there is nothing to take over: it just shows no authority.
        bool lateralHandsBack = lateral.TakeoverRequested && (state.LateralMemory.TakeoverLatched || lateral.Authority != LateralAuthority.None);
        if (takeover == TakeoverReason.None && lateralHandsBack)
        {
            takeover = TakeoverReason.LateralUnavailable;
        }

        takeover = LatchTakeover(ref state, takeover, options);

        return new PlannerOutput
        {
            TargetAccelMps2 = commandMps2,
            Mode = mode,
            Alerts = Alerts(takeover, transition, state.LaneChange.State, fault.Fault),
            TakeoverReason = takeover,
            Fault = fault.Fault,
            LeadId = lead.Id,
            LeadGapM = lead.Exists ? lead.GapM : 0,
            DesiredGapM = demand.DesiredGapM,
            RequiredDecelMps2 = demand.TakeoverRequiredDecelMps2,
            LaneChangeState = state.LaneChange.State,
            LaneChangeTransition = transition,
            TargetLaneIndex = state.LaneChange.State == LaneChangeState.Idle ? -1 : state.LaneChange.TargetLane,
            LateralTargetOffsetM = state.LaneChange.OffsetM,
            LaneChangeProgress = state.LaneChange.Progress,
            CurvaturePerM = lateral.CurvaturePerM,
            LateralAuthority = lateral.Authority,
            LateralReason = lateral.Reason,
        };
    }

    /// <summary>
    /// One tick of the lateral controller on the world model's ego centre line. The lane-change state machine decides
    /// when the lateral movement starts (its entry into <see cref="LaneChangeState.Changing"/>: the edge starts the
    /// controller's quintic with ± the lane width frozen at the start) and when it is given up (Changing → Aborting or
    /// Cancelled). The controller judges the line itself (finite, fresh, present, confident, no jump). Lateral control
    /// counts as engaged when the driver engaged and the speed is at least <see cref="PlannerOptions.LateralMinSpeedMps"/>.
    /// </summary>
    private static LateralOutput StepLateral(in PlannerInputs inputs, ref PlannerState state, LaneChangeState laneChangeBefore,
        PlannerOptions options)
    {
        LaneChangeState laneChangeNow = state.LaneChange.State;
        bool start = laneChangeBefore != LaneChangeState.Changing && laneChangeNow == LaneChangeState.Changing;
        bool cancel = laneChangeBefore == LaneChangeState.Changing && laneChangeNow is LaneChangeState.Aborting or LaneChangeState.Cancelled;
        var lateralInputs = new LateralInputs
        {
            CentreLine = inputs.World.EgoCentreLine,
            SpeedMps = inputs.Vehicle.SpeedMps,
            YawRateRadps = inputs.Vehicle.YawRateRadps,
            WorldModelAgeS = (inputs.NowNs - inputs.World.TimestampNs) * 1e-9,
            WorldModelValid = inputs.World.IsValid,
            Engaged = inputs.Vehicle.Driver.Engaged && state.LastGoodSpeedMps >= options.LateralMinSpeedMps,
            LaneChangeStart = start,
            LaneChangeOffsetM = start ? state.LaneChange.DirectionSign * state.LaneChange.LaneWidthAtStartM : 0,
            LaneChangeCancel = cancel,
        };
        return LateralController.Step(lateralInputs, ref state.LateralMemory, options.Lateral, options.TickPeriodS);
    }

    /// <summary>Why the world model cannot be used this tick, or None. Bad input anywhere counts: treat it like stale.</summary>
    private static TakeoverReason JudgeWorld(in PlannerInputs inputs, InputFault fault, PlannerOptions options)
    {
        if (fault != InputFault.None)
        {
            return TakeoverReason.BadInput;
        }

        if (!inputs.World.IsValid)
        {
            return TakeoverReason.WorldModelInvalid;
        }

        if (inputs.NowNs - inputs.World.TimestampNs > (long)(options.StaleAfterS * 1e9))
        {
            return TakeoverReason.WorldModelStale;
        }

        return inputs.World.FrontCamerasHealthy ? TakeoverReason.None : TakeoverReason.FrontCamerasUnhealthy;
    }

    private static TakeoverReason LatchTakeover(ref PlannerState state, TakeoverReason now, PlannerOptions options)
    {
        if (now != TakeoverReason.None)
        {
            state.LatchedTakeover = now;
            state.TakeoverTicksLeft = Ticks(options.TakeoverHoldS, options);
            return now;
        }

        if (state.TakeoverTicksLeft > 0)
        {
            state.TakeoverTicksLeft--;
            return state.LatchedTakeover;
        }

        return TakeoverReason.None;
    }

    private static PlannerOutput Disengaged(ref PlannerState state, in PlannerInputs inputs, bool vehicleFinite, LaneChangeReason transition,
        InputFault fault, in LateralOutput lateral)
    {
        // Seed the jerk limiter with what the car does now, so engaging never steps the command.
        state.PreviousCommandMps2 = vehicleFinite ? inputs.Vehicle.AccelMps2 : 0;
        state.ResumeTicksLeft = 0;
        state.TakeoverTicksLeft = 0;
        return new PlannerOutput
        {
            Mode = LongitudinalMode.Off,
            Alerts = Alerts(TakeoverReason.None, transition, state.LaneChange.State, fault),
            Fault = fault,
            LeadId = -1,
            LaneChangeState = state.LaneChange.State,
            LaneChangeTransition = transition,
            TargetLaneIndex = -1,
            CurvaturePerM = lateral.CurvaturePerM,
            LateralAuthority = lateral.Authority,
            LateralReason = lateral.Reason,
        };
    }

    private static PlannerAlerts Alerts(TakeoverReason takeover, LaneChangeReason transition, LaneChangeState laneChange, InputFault fault)
    {
        PlannerAlerts alerts = PlannerAlerts.None;
        if (takeover != TakeoverReason.None)
        {
            alerts |= PlannerAlerts.TakeoverRequest;
        }

        if (transition != LaneChangeReason.None && laneChange is LaneChangeState.Cancelled or LaneChangeState.Aborting)
        {
            alerts |= PlannerAlerts.LaneChangeUnavailable;
        }

        if (fault != InputFault.None)
        {
            alerts |= PlannerAlerts.InputFault;
        }

        return alerts;
    }

    private static long Ticks(double seconds, PlannerOptions options) => (long)Math.Round(seconds / options.TickPeriodS);
}
