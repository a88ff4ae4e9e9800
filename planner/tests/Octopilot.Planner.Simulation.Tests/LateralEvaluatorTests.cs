using Octopilot.Planner.LaneChange;
using Octopilot.Planner.Lateral;
using Octopilot.Planner.Simulation.Evaluation;
using Octopilot.Planner.Simulation.Scenarios;
using Octopilot.Planner.Simulation.Tests.Infrastructure;

namespace Octopilot.Planner.Simulation.Tests;

/// <summary>
/// The lateral checks on synthetic traces: lane keeping RMS/max over the ticks the planner keeps the lane, lateral
/// acceleration and jerk while the planner steers (from the first tick inside the acceleration limit), and a lane
/// change's centring and overshoot against its target lane.
/// </summary>
public sealed class LateralEvaluatorTests
{
    private const double WidthM = Traces.LaneWidthM;

    private static ScenarioResult Evaluate(ScenarioTrace trace, ScenarioExpectations expect) =>
        ScenarioEvaluator.Evaluate(Traces.ScenarioWith(expect, trace.Samples.Count * trace.TickS), trace, Traces.Options);

    private static ScenarioTrace Lateral(double seconds, Func<double, TraceSample, TraceSample> edit) => Traces.FromAccel(seconds, 25, _ => 0, edit);

    private static CheckOutcome Check(ScenarioResult result, string name) => Assert.Single(result.Checks, c => c.Name == name);

    private static int LaneAt(double yM) => Math.Clamp((int)Math.Round(-yM / WidthM), 0, 2);

    private static TraceSample At(TraceSample s, double yM) => s with { EgoYM = yM, EgoLane = LaneAt(yM) };

    // ---- Lane keeping -------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(0.25, true, true)]    // RMS 0.177, max 0.25
    [InlineData(0.30, false, true)]   // RMS 0.212 > 0.2, max 0.30 ≤ 0.5
    [InlineData(0.60, false, false)]  // RMS 0.424, max 0.60 > 0.5
    public void Evaluate_LaneKeepingSinusoid_RmsAndMaxJudgedAgainstTheLimits(double amplitudeM, bool rmsPasses, bool maxPasses)
    {
        // Whole periods of a 2 s sine around the lane centre: RMS = A/√2, max = A.
        ScenarioTrace trace = Lateral(10, (t, s) => At(s, Traces.Lane1CentreYM + (amplitudeM * Math.Sin(Math.PI * t))));

        ScenarioResult result = Evaluate(trace, new ScenarioExpectations(LaneKeeping: new LaneKeepingExpectation(0, 0.2, 0.5)));

        Assert.Equal(amplitudeM / Math.Sqrt(2), result.Lateral.LaneKeepingRmsM!.Value, 1e-9);
        Assert.Equal(amplitudeM, result.Lateral.LaneKeepingMaxM!.Value, 1e-9);
        Assert.Equal(1000, result.Lateral.LaneKeepingTicks);
        Assert.Equal(rmsPasses, Check(result, "laneKeeping.rms").Passed);
        Assert.Equal(maxPasses, Check(result, "laneKeeping.max").Passed);
        Assert.True(Check(result, "laneKeeping.steered").Passed);
        Assert.Equal(rmsPasses && maxPasses, result.Passed);
    }

    [Fact]
    public void Evaluate_LaneKeepingOneTickSpike_FailsMaxOnlyAndNamesTheTime()
    {
        ScenarioTrace trace = Lateral(10, (t, s) => Near(t, 4.2) ? At(s, Traces.Lane1CentreYM - 0.6) : s);

        ScenarioResult result = Evaluate(trace, new ScenarioExpectations(LaneKeeping: new LaneKeepingExpectation(0, 0.2, 0.5)));

        Assert.True(Check(result, "laneKeeping.rms").Passed);
        CheckOutcome max = Check(result, "laneKeeping.max");
        Assert.False(max.Passed);
        Assert.Equal(4.2, result.Lateral.LaneKeepingMaxAtS!.Value, 1e-9);
        Assert.Contains("max 0.600 m at 4.20 s", max.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_LaneKeeping_IgnoresTicksBeforeFromSAndDuringALaneChange()
    {
        // 1.2 m off before fromS (2 s) and while a lane change procedure runs (4–6 s): neither counts.
        ScenarioTrace trace = Lateral(10, (t, s) => t switch
        {
            < 2 => At(s, Traces.Lane1CentreYM + 1.2),
            >= 4 and < 6 => At(s, Traces.Lane1CentreYM + 1.2) with { LaneChangeState = LaneChangeState.WaitingForGap, TargetLane = 0 },
            _ => s,
        });

        ScenarioResult result = Evaluate(trace, new ScenarioExpectations(LaneKeeping: new LaneKeepingExpectation(2, 0.2, 0.5)));

        Assert.Equal(600, result.Lateral.LaneKeepingTicks);
        Assert.Equal(0, result.Lateral.LaneKeepingMaxM!.Value, 1e-12);
        Assert.True(result.Passed, string.Join("; ", result.Failures));
    }

    [Fact]
    public void Evaluate_DriverSteeredAfterFromS_FailsSteeredButItsTicksAreNotLaneKeeping()
    {
        // The driver steers (far off centre) from 7 s: the planner did not keep the lane there, so that is the failure;
        // RMS and max cover only the planner's ticks.
        ScenarioTrace trace = Lateral(10, (t, s) => t >= 7 ? At(s, Traces.Lane1CentreYM + 1.0) with { DriverSteers = true } : s);

        ScenarioResult result = Evaluate(trace, new ScenarioExpectations(LaneKeeping: new LaneKeepingExpectation(0, 0.2, 0.5)));

        CheckOutcome steered = Check(result, "laneKeeping.steered");
        Assert.False(steered.Passed);
        Assert.Equal(7.0, result.Lateral.DriverSteeredAfterS!.Value, 1e-9);
        Assert.Contains("stopped steering at 7.00 s", steered.Message, StringComparison.Ordinal);
        Assert.Equal(700, result.Lateral.SystemSteeredTicks);
        Assert.Equal(700, result.Lateral.LaneKeepingTicks);
        Assert.True(Check(result, "laneKeeping.max").Passed);
        Assert.True(Check(result, "laneKeeping.rms").Passed);
    }

    [Fact]
    public void Evaluate_DriverSteeredOnlyBeforeFromS_PassesSteered()
    {
        ScenarioTrace trace = Lateral(10, (t, s) => t < 3 ? s with { DriverSteers = true } : s);

        ScenarioResult result = Evaluate(trace, new ScenarioExpectations(LaneKeeping: new LaneKeepingExpectation(3, 0.2, 0.5)));

        Assert.Null(result.Lateral.DriverSteeredAfterS);
        Assert.True(Check(result, "laneKeeping.steered").Passed);
    }

    // ---- Lateral acceleration and jerk --------------------------------------------------------------------------

    [Theory]
    [InlineData(2.9, true)]
    [InlineData(-2.9, true)]
    [InlineData(3.2, false)]
    [InlineData(-3.2, false)]   // a right curve counts the same
    public void Evaluate_LateralAccelReachedFromInside_JudgedAgainstTheLimit(double peakMps2, bool passes)
    {
        // From 1 m/s² (inside) up to the peak at 0.5 m/s³ (well inside the jerk limit), held.
        double sign = Math.Sign(peakMps2);
        ScenarioTrace trace = Lateral(10, (t, s) =>
            s with { EgoLateralAccelMps2 = sign * Math.Min(Math.Abs(peakMps2), 1 + (0.5 * t)) });

        ScenarioResult result = Evaluate(trace, new ScenarioExpectations());

        Assert.Equal(Math.Abs(peakMps2), result.Lateral.PeakLateralAccelMps2, 1e-9);
        Assert.Equal(passes, Check(result, "lateral.accel").Passed);
        Assert.True(Check(result, "lateral.jerk").Passed);
        Assert.Equal(0.5, result.Lateral.PeakLateralJerkMps3, 1e-6);
    }

    [Fact]
    public void Evaluate_CarStartsBeyondTheAccelLimit_PeaksCountFromTheFirstTickInside()
    {
        // Starts at 5 m/s² (a curve too tight for the speed) with a 100 m/s³ step while still outside; then eases at
        // 2 m/s³ to 2.5 m/s² and holds. Neither the 5 m/s² nor the step counts: the car was never inside before.
        ScenarioTrace trace = Lateral(10, (t, s) => s with { EgoLateralAccelMps2 = t < 0.5 ? 5.0 : Math.Max(2.5, 4.0 - (2 * (t - 0.5))) });
        double firstInsideS = trace.Samples.First(s => s.EgoLateralAccelMps2 <= 3.0).TimeS;

        ScenarioResult result = Evaluate(trace, new ScenarioExpectations());

        Assert.True(Check(result, "lateral.accel").Passed, Check(result, "lateral.accel").Message);
        Assert.True(Check(result, "lateral.jerk").Passed, Check(result, "lateral.jerk").Message);
        Assert.Equal(firstInsideS, result.Lateral.PeakLateralAccelAtS!.Value, 1e-9);
        Assert.InRange(result.Lateral.PeakLateralAccelMps2, 2.98, 3.0);
        Assert.Equal(2.0, result.Lateral.PeakLateralJerkMps3, 1e-6);
        Assert.True(result.Lateral.PeakLateralJerkAtS >= firstInsideS);
    }

    [Fact]
    public void Evaluate_OnceInsideTheLimit_LeavingItAgainFails()
    {
        ScenarioTrace trace = Lateral(10, (t, s) => s with { EgoLateralAccelMps2 = t switch { < 1 => 4.0, < 6 => 2.0, _ => 3.3 } });

        ScenarioResult result = Evaluate(trace, new ScenarioExpectations(LateralLimitsRespected: true));

        Assert.False(Check(result, "lateral.accel").Passed);
        Assert.Equal(3.3, result.Lateral.PeakLateralAccelMps2, 1e-9);
        Assert.Equal(6.0, result.Lateral.PeakLateralAccelAtS!.Value, 1e-9);
        Assert.False(Check(result, "lateral.jerk").Passed); // the 1.3 m/s² step in one tick is 130 m/s³
    }

    [Theory]
    [InlineData(4.0, true)]
    [InlineData(6.0, false)]
    public void Evaluate_LateralJerk_IsTheTickToTickRate(double jerkMps3, bool passes)
    {
        ScenarioTrace trace = Lateral(10, (t, s) => s with { EgoLateralAccelMps2 = Math.Clamp(jerkMps3 * (t - 2), 0, 2.5) });

        ScenarioResult result = Evaluate(trace, new ScenarioExpectations());

        Assert.Equal(jerkMps3, result.Lateral.PeakLateralJerkMps3, 1e-6);
        Assert.Equal(passes, Check(result, "lateral.jerk").Passed);
        Assert.True(Check(result, "lateral.accel").Passed);
    }

    [Fact]
    public void Evaluate_DriverSteeredTicks_AreNotJudgedForLimits()
    {
        // The driver steers hard (4 m/s², stepping), then hands to the planner at 1.5 m/s²: the step at the hand-over
        // and everything the driver did are the driver's.
        ScenarioTrace trace = Lateral(10, (t, s) => t < 5
            ? s with { DriverSteers = true, EgoLateralAccelMps2 = Near(t % 1, 0) ? 4.0 : 0 }
            : s with { EgoLateralAccelMps2 = 1.5 });
        ScenarioTrace plannerAll = Lateral(10, (t, s) => s with { EgoLateralAccelMps2 = t < 5 ? 0 : 1.5 });

        ScenarioResult result = Evaluate(trace, new ScenarioExpectations());
        ScenarioResult control = Evaluate(plannerAll, new ScenarioExpectations());

        Assert.True(result.Passed, string.Join("; ", result.Failures));
        Assert.Equal(1.5, result.Lateral.PeakLateralAccelMps2, 1e-9);
        Assert.Equal(0, result.Lateral.PeakLateralJerkMps3, 1e-9);
        Assert.False(Check(control, "lateral.jerk").Passed); // the same step while the planner steers is 150 m/s³
    }

    [Fact]
    public void Evaluate_LateralLimitsNotExpected_NoLateralChecks()
    {
        ScenarioTrace trace = Lateral(5, (t, s) => s with { EgoLateralAccelMps2 = t < 1 ? 0 : 4 });

        ScenarioResult result = Evaluate(trace, new ScenarioExpectations(LateralLimitsRespected: false));

        Assert.DoesNotContain(result.Checks, c => c.Name.StartsWith("lateral.", StringComparison.Ordinal));
        Assert.True(result.Passed);
        Assert.Equal(4, result.Lateral.PeakLateralAccelMps2, 1e-9); // still measured
    }

    [Fact]
    public void Evaluate_HoldingTicksAndReasons_AreCountedByName()
    {
        ScenarioTrace trace = Lateral(5, (t, s) => t switch
        {
            >= 1 and < 1.3 => s with { LateralAuthority = LateralAuthority.Holding, LateralReason = LateralReason.LaneLost },
            >= 3 and < 3.2 => s with { LateralReason = LateralReason.CurvatureLimited },
            _ => s,
        });

        LateralFigures figures = Evaluate(trace, new ScenarioExpectations()).Lateral;

        Assert.Equal(30, figures.HoldingTicks);
        Assert.Equal(new Dictionary<string, int> { ["LaneLost"] = 30, ["CurvatureLimited"] = 20 }, figures.TicksByReason);
    }

    // ---- Lane change centring --------------------------------------------------------------------------------------

    /// <summary>
    /// A lane change from lane 1 to <paramref name="toLane"/> starting at 2 s: straight across to
    /// <paramref name="peakBeyondM"/> past the target centre (towards the far lane; negative = short of it) at 6 s, then
    /// to <paramref name="finalBeyondM"/> at 7 s, held to 12 s. Procedure states as the planner reports them.
    /// </summary>
    private static ScenarioTrace LaneChange(int toLane, double peakBeyondM, double finalBeyondM)
    {
        double fromYM = Traces.Lane1CentreYM, targetYM = -toLane * WidthM;
        double far = Math.Sign(targetYM - fromYM);
        double peakYM = targetYM + (far * peakBeyondM), finalYM = targetYM + (far * finalBeyondM);
        return Lateral(12, (t, s) =>
        {
            double y = t switch
            {
                < 2 => fromYM,
                < 6 => fromYM + ((peakYM - fromYM) * (t - 2) / 4),
                < 7 => peakYM + ((finalYM - peakYM) * (t - 6)),
                _ => finalYM,
            };
            TraceSample moved = At(s, y);
            return t switch
            {
                _ when Near(t, 1) => moved with { LaneChangeState = LaneChangeState.Requested, LaneChangeTransition = LaneChangeReason.DriverRequested, TargetLane = toLane },
                > 1 and < 2 => moved with { LaneChangeState = LaneChangeState.WaitingForGap, TargetLane = toLane },
                _ when Near(t, 2) => moved with { LaneChangeState = LaneChangeState.Changing, LaneChangeTransition = LaneChangeReason.GapFound, TargetLane = toLane },
                > 2 and < 6.5 => moved with { LaneChangeState = LaneChangeState.Changing, TargetLane = toLane },
                _ when Near(t, 6.5) => moved with { LaneChangeState = LaneChangeState.Done, LaneChangeTransition = LaneChangeReason.Completed, TargetLane = toLane },
                _ => moved,
            };
        });
    }

    private static ScenarioExpectations Centred(double withinS = 5) =>
        new(LaneChange: LaneChangeExpectation.Completed, LaneChangeCentred: new LaneChangeCentredExpectation(withinS, 0.3, 0.3));

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void Evaluate_LaneChangeEndingCentred_PassesWithOvershootAndFinalOffsetMeasured(int toLane)
    {
        ScenarioResult result = Evaluate(LaneChange(toLane, peakBeyondM: 0.2, finalBeyondM: 0.05), Centred());

        Assert.Equal(toLane, result.Lateral.LaneChangeTargetLane);
        Assert.Equal(0.2, result.Lateral.LaneChangeOvershootM!.Value, 1e-9);
        Assert.Equal(0.05, result.Lateral.LaneChangeWorstOffsetM!.Value, 1e-9); // from 2 + 5 s on
        Assert.Equal(0.05, Math.Abs(result.Lateral.LaneChangeFinalOffsetM!.Value), 1e-9);
        Assert.True(result.Passed, string.Join("; ", result.Failures));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void Evaluate_LaneChangePassingTheTargetCentreTooFar_FailsOvershootOnly(int toLane)
    {
        ScenarioResult result = Evaluate(LaneChange(toLane, peakBeyondM: 0.45, finalBeyondM: 0), Centred());

        Assert.Equal(0.45, result.Lateral.LaneChangeOvershootM!.Value, 1e-9);
        Assert.False(Check(result, "laneChange.overshoot").Passed);
        Assert.True(Check(result, "laneChange.centred").Passed);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void Evaluate_LaneChangeStoppingShortOfTheTarget_IsNoOvershootButNotCentred(int toLane)
    {
        // 0.4 m short, on the near side: far from centred, but overshoot counts only towards the far lane.
        ScenarioResult result = Evaluate(LaneChange(toLane, peakBeyondM: -0.4, finalBeyondM: -0.4), Centred());

        Assert.Equal(0, result.Lateral.LaneChangeOvershootM!.Value, 1e-12);
        Assert.Equal(0.4, result.Lateral.LaneChangeWorstOffsetM!.Value, 1e-9);
        Assert.True(Check(result, "laneChange.overshoot").Passed);
        Assert.False(Check(result, "laneChange.centred").Passed);
    }

    [Fact]
    public void Evaluate_LaneChangeCentring_OnlyJudgedFromWithinSAfterTheStart()
    {
        ScenarioTrace trace = LaneChange(0, peakBeyondM: 0.2, finalBeyondM: 0);

        ScenarioResult patient = Evaluate(trace, Centred(withinS: 5));   // from 7 s: settled
        ScenarioResult hasty = Evaluate(trace, Centred(withinS: 3));     // from 5 s: 3/4 of the way across 3.7 m, 0.725 m short

        Assert.True(Check(patient, "laneChange.centred").Passed);
        Assert.False(Check(hasty, "laneChange.centred").Passed);
        Assert.Equal(0.725, hasty.Lateral.LaneChangeWorstOffsetM!.Value, 1e-9);
    }

    [Fact]
    public void Evaluate_CentredExpectedButNoLaneChange_FailsBothCentringChecks()
    {
        ScenarioResult result = Evaluate(Lateral(5, (_, s) => s), new ScenarioExpectations(LaneChangeCentred: new LaneChangeCentredExpectation(5, 0.3, 0.3)));

        Assert.Null(result.Lateral.LaneChangeTargetLane);
        Assert.False(Check(result, "laneChange.centred").Passed);
        Assert.False(Check(result, "laneChange.overshoot").Passed);
        Assert.Contains("no lane change started", Check(result, "laneChange.centred").Message, StringComparison.Ordinal);
    }

    private static bool Near(double t, double at) => Math.Abs(t - at) < 1e-6;
}
