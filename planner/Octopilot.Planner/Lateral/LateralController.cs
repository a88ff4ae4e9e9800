namespace Octopilot.Planner.Lateral;

/// <summary>
/// The lateral controller: pure pursuit on the ego lane's centre line (plus the lane-change offset, previewed), a
/// speed-scheduled look-ahead, ISO 11270 limits, and validity handling that never steps the steering.
/// <see cref="Step"/> is pure: same inputs + state → same output + state, no allocation, no clock, no I/O.
/// </summary>
public static class LateralController
{
    /// <summary>Slack on the hold bound so that HoldS / dt ticks of accumulated dt (1.0000000000000007 after 100 × 0.01) still hold.</summary>
    private const double HoldToleranceS = 1e-9;

    /// <summary>
    /// One tick of <paramref name="dtS"/> seconds. Order: engagement → dead-reckon the last good path → judge the centre
    /// line (finite, fresh, present, confident, no jump) → lane change start/advance → law (current line, or the last good
    /// path while holding) → curvature clamp κ ≤ min(a_max/v², κ_abs) → rate limit |Δκ| ≤ min(j_max/v², κ̇_abs)·dt, which
    /// applies on every tick, including the ramp to 0 when authority ends. <paramref name="options"/> must have passed
    /// <see cref="LateralOptions.Validate"/>.
    /// </summary>
    public static LateralOutput Step(in LateralInputs inputs, ref LateralState state, LateralOptions options, double dtS)
    {
        state.TickCount++;
        bool motionFinite = double.IsFinite(inputs.SpeedMps) && double.IsFinite(inputs.YawRateRadps);
        if (motionFinite)
        {
            state.LastGoodSpeedMps = Math.Max(0, inputs.SpeedMps);
            state.LastGoodYawRateRadps = inputs.YawRateRadps;
        }

        double speedMps = state.LastGoodSpeedMps;
        double lookAheadM = options.LookAheadM(speedMps);
        double maxCurvaturePerM = options.MaxCurvatureAtPerM(speedMps);
        double maxStepPerM = options.MaxCurvatureRateAtPerMS(speedMps) * dtS;
        LateralReason inputReason = Judge(inputs, motionFinite, options);

        if (!inputs.Engaged)
        {
            Disengage(ref state);
            RememberPrevious(ref state, inputs.CentreLine);
            Count(ref state, inputReason);
            return Finish(ref state, 0, maxStepPerM, LateralAuthority.None, false, inputReason, lookAheadM);
        }

        if (!state.WasEngaged)
        {
            // Start from what the car is doing now: no steering step at engagement.
            state.WasEngaged = true;
            double measured = speedMps > options.LimitSpeedFloorMps ? state.LastGoodYawRateRadps / speedMps : 0;
            state.PreviousCurvaturePerM = Math.Clamp(measured, -options.MaxCurvaturePerM, options.MaxCurvaturePerM);
        }

        if (inputs.LaneChangeCancel)
        {
            state.LaneChangeActive = false;
        }

        if (state.HasLastGood)
        {
            DeadReckon(ref state, speedMps, state.LastGoodYawRateRadps, dtS);
        }

        LaneCentreLine line = inputs.CentreLine;
        if (inputReason == LateralReason.None && state.HasPrevious)
        {
            inputReason = CheckJump(ref state, line, lookAheadM, options);
        }

        RememberPrevious(ref state, line);
        Count(ref state, inputReason);
        LateralReason reason = inputReason;

        if (state.TakeoverLatched || (inputReason != LateralReason.None && !state.HasLastGood))
        {
            return Release(ref state, maxStepPerM, reason, lookAheadM);
        }

        double desiredPerM;
        LateralAuthority authority;
        if (inputReason == LateralReason.None)
        {
            state.HasLastGood = true;
            state.LastGood = line;
            state.SinceGoodXM = 0;
            state.SinceGoodYM = 0;
            state.SinceGoodHeadingRad = 0;
            state.HoldElapsedS = 0;
            if (inputs.LaneChangeStart && !state.LaneChangeActive)
            {
                reason = Lowest(reason, StartLaneChange(ref state, inputs.LaneChangeOffsetM, line.CurvatureAtPerM(0), speedMps, options));
            }

            double yRefM = line.YAtM(lookAheadM) + LaneChangeOffsetAtLookAheadM(state, speedMps, lookAheadM);
            desiredPerM = PurePursuitPerM(lookAheadM, yRefM);
            authority = LateralAuthority.Active;
        }
        else
        {
            state.HoldElapsedS += dtS;
            if (state.HoldElapsedS > options.HoldS + HoldToleranceS)
            {
                state.TakeoverLatched = true;
                return Release(ref state, maxStepPerM, reason, lookAheadM);
            }

            desiredPerM = HoldPathPerM(state, speedMps, lookAheadM);
            authority = LateralAuthority.Holding;
        }

        AdvanceLaneChange(ref state, dtS);

        bool takeover = false;
        if (Math.Abs(desiredPerM) > maxCurvaturePerM)
        {
            state.Counters.Increment(LateralReason.CurvatureLimited);
            reason = Lowest(reason, LateralReason.CurvatureLimited);
            desiredPerM = Math.Clamp(desiredPerM, -maxCurvaturePerM, maxCurvaturePerM);
            state.CurvatureLimitedS += dtS;

            // The road needs more than the limits allow: keep steering at the limit, but hand back.
            takeover = state.CurvatureLimitedS > options.CurvatureLimitedTakeoverS;
        }
        else
        {
            state.CurvatureLimitedS = 0;
        }

        return Finish(ref state, desiredPerM, maxStepPerM, authority, takeover, reason, lookAheadM);
    }

    /// <summary>Pure pursuit: the arc from the rear axle, tangent to the heading, through (x, y): κ = 2y / (x² + y²).</summary>
    public static double PurePursuitPerM(double xM, double yM) => 2 * yM / ((xM * xM) + (yM * yM));

    private static LateralReason Judge(in LateralInputs inputs, bool motionFinite, LateralOptions options)
    {
        LaneCentreLine line = inputs.CentreLine;
        if (!motionFinite || !line.IsFinite || !double.IsFinite(inputs.WorldModelAgeS))
        {
            return LateralReason.NonFiniteInput;
        }

        if (!inputs.WorldModelValid || inputs.WorldModelAgeS > options.StaleAfterS)
        {
            return LateralReason.WorldModelStale;
        }

        if (!line.IsPresent)
        {
            return LateralReason.LaneLost;
        }

        return line.ConfidenceUnit < options.MinConfidence ? LateralReason.LowConfidence : LateralReason.None;
    }

    private static LateralReason CheckJump(ref LateralState state, in LaneCentreLine line, double lookAheadM, LateralOptions options)
    {
        double moveM = line.YAtM(lookAheadM) - state.Previous.YAtM(lookAheadM);
        bool glitchOver = state.PreviousWasJump && state.HasLastGood
            && Math.Abs(line.YAtM(lookAheadM) - state.LastGood.YAtM(lookAheadM)) <= options.MaxJumpM;
        state.PreviousWasJump = false;
        if (Math.Abs(moveM) <= options.MaxJumpM || glitchOver)
        {
            // Unchanged, or back where it was before a one-tick glitch (counted once, not on the way back too).
            return LateralReason.None;
        }

        // The world model re-assigns the ego lane when the rear axle crosses the line: the centre moves by the
        // lane-change offset. Accept that once per lane change and re-base the trajectory on the new lane.
        if (state.LaneChangeActive && !state.LaneChangeShifted && Math.Abs(moveM - state.LaneChange.OffsetM) <= options.MaxJumpM)
        {
            state.LaneChangeShifted = true;
            state.LaneChangeShiftM = state.LaneChange.OffsetM;
            return LateralReason.None;
        }

        state.PreviousWasJump = true;
        return LateralReason.LaneJump;
    }

    /// <summary>Keeps the latest finite, present line as the jump reference. A persistent jump is therefore rejected
    /// for one tick and then accepted; the rate limit keeps the steering smooth across it.</summary>
    private static void RememberPrevious(ref LateralState state, in LaneCentreLine line)
    {
        state.HasPrevious = line.IsPresent && line.IsFinite;
        if (state.HasPrevious)
        {
            state.Previous = line;
        }
    }

    private static LateralReason StartLaneChange(ref LateralState state, double offsetM, double roadCurvaturePerM, double speedMps, LateralOptions options)
    {
        if (!QuinticLaneChangeTrajectory.TryCreate(offsetM, roadCurvaturePerM, speedMps, options, out QuinticLaneChangeTrajectory trajectory, out LateralReason refused))
        {
            state.Counters.Increment(refused);
            return refused;
        }

        state.LaneChangeActive = true;
        state.LaneChange = trajectory;
        state.LaneChangeElapsedS = 0;
        state.LaneChangeShiftM = 0;
        state.LaneChangeShifted = false;
        return LateralReason.None;
    }

    private static double LaneChangeOffsetAtLookAheadM(in LateralState state, double speedMps, double lookAheadM)
    {
        if (!state.LaneChangeActive)
        {
            return 0;
        }

        // Preview the trajectory by the time to reach the look-ahead point, so the law does not lag the manoeuvre.
        double previewS = lookAheadM / Math.Max(speedMps, 1);
        return state.LaneChange.OffsetAtM(state.LaneChangeElapsedS + previewS) - state.LaneChangeShiftM;
    }

    private static void AdvanceLaneChange(ref LateralState state, double dtS)
    {
        if (!state.LaneChangeActive)
        {
            return;
        }

        state.LaneChangeElapsedS += dtS;

        // Done once the time is up and the world model tracks the target lane (offset D − D = 0: no jump in the reference).
        if (state.LaneChangeElapsedS >= state.LaneChange.DurationS && state.LaneChangeShifted)
        {
            state.LaneChangeActive = false;
        }
    }

    private static void DeadReckon(ref LateralState state, double speedMps, double yawRateRadps, double dtS)
    {
        double midRad = state.SinceGoodHeadingRad + (0.5 * yawRateRadps * dtS);
        state.SinceGoodXM += speedMps * dtS * Math.Cos(midRad);
        state.SinceGoodYM += speedMps * dtS * Math.Sin(midRad);
        state.SinceGoodHeadingRad += yawRateRadps * dtS;
    }

    /// <summary>The look-ahead point on the last good path (in the frame it was measured in), moved into today's ego frame.</summary>
    private static double HoldPathPerM(in LateralState state, double speedMps, double lookAheadM)
    {
        double cos = Math.Cos(state.SinceGoodHeadingRad);
        double sin = Math.Sin(state.SinceGoodHeadingRad);
        double xOldM = state.SinceGoodXM + (lookAheadM * cos);
        double yOldM = state.LastGood.YAtM(xOldM) + LaneChangeOffsetAtLookAheadM(state, speedMps, lookAheadM);
        double dxM = xOldM - state.SinceGoodXM;
        double dyM = yOldM - state.SinceGoodYM;
        double xEgoM = (cos * dxM) + (sin * dyM);
        double yEgoM = (-sin * dxM) + (cos * dyM);
        return PurePursuitPerM(xEgoM, yEgoM);
    }

    private static LateralOutput Release(ref LateralState state, double maxStepPerM, LateralReason reason, double lookAheadM)
    {
        state.LaneChangeActive = false;
        state.CurvatureLimitedS = 0;
        return Finish(ref state, 0, maxStepPerM, LateralAuthority.None, true, reason, lookAheadM);
    }

    private static void Disengage(ref LateralState state)
    {
        state.WasEngaged = false;
        state.TakeoverLatched = false;
        state.HasLastGood = false;
        state.HoldElapsedS = 0;
        state.CurvatureLimitedS = 0;
        state.LaneChangeActive = false;
    }

    private static void Count(ref LateralState state, LateralReason reason)
    {
        if (reason != LateralReason.None)
        {
            state.Counters.Increment(reason);
        }
    }

    private static LateralReason Lowest(LateralReason a, LateralReason b) =>
        a == LateralReason.None ? b : b == LateralReason.None ? a : (LateralReason)Math.Min((byte)a, (byte)b);

    private static LateralOutput Finish(ref LateralState state, double desiredPerM, double maxStepPerM, LateralAuthority authority,
        bool takeover, LateralReason reason, double lookAheadM)
    {
        double previous = state.PreviousCurvaturePerM;
        double commandPerM = previous + Math.Clamp(desiredPerM - previous, -maxStepPerM, maxStepPerM);
        if (!double.IsFinite(commandPerM))
        {
            commandPerM = previous; // unreachable with finite inputs; never pass NaN on
        }

        state.PreviousCurvaturePerM = commandPerM;
        bool laneChange = state.LaneChangeActive;
        return new LateralOutput
        {
            CurvaturePerM = commandPerM,
            Authority = authority,
            TakeoverRequested = takeover,
            Reason = reason,
            LookAheadM = lookAheadM,
            LateralTargetOffsetM = laneChange ? state.LaneChange.OffsetAtM(state.LaneChangeElapsedS) - state.LaneChangeShiftM : 0,
            LaneChangeProgress = laneChange ? state.LaneChange.Progress(state.LaneChangeElapsedS) : 0,
            LaneChangeActive = laneChange,
        };
    }
}
