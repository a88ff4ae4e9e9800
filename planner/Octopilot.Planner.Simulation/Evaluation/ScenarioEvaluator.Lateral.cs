using Octopilot.Planner.LaneChange;
using Octopilot.Planner.Lateral;
using Octopilot.Planner.Simulation.Scenarios;

namespace Octopilot.Planner.Simulation.Evaluation;

public static partial class ScenarioEvaluator
{
    internal static LateralFigures MeasureLateral(Scenario scenario, ScenarioTrace trace, PlannerOptions options)
    {
        IReadOnlyList<TraceSample> samples = trace.Samples;
        double laneWidthM = scenario.Road.LaneWidthM;
        double fromS = scenario.Expect.LaneKeeping?.FromS ?? 0;
        int steered = 0, keeping = 0;
        double sumSquares = 0, maxOffset = 0, peakAccel = 0, peakJerk = 0;
        double? maxAtS = null, driverAfterS = null, accelAtS = null, jerkAtS = null;

        // A scenario may start the car beyond the limits (a curve tighter than ISO 11270 allows at that speed): the
        // planner answers for the limits from the first tick the car is inside them.
        bool inside = false;
        for (int i = 0; i < samples.Count; i++)
        {
            TraceSample s = samples[i];
            if (s.DriverSteers)
            {
                if (s.TimeS >= fromS)
                {
                    driverAfterS ??= s.TimeS;
                }

                continue;
            }

            steered++;
            inside |= Math.Abs(s.EgoLateralAccelMps2) <= options.Lateral.MaxLateralAccelMps2;
            if (inside && Math.Abs(s.EgoLateralAccelMps2) > peakAccel)
            {
                peakAccel = Math.Abs(s.EgoLateralAccelMps2);
                accelAtS = s.TimeS;
            }

            if (inside && i > 0 && !samples[i - 1].DriverSteers)
            {
                double jerk = Math.Abs(s.EgoLateralAccelMps2 - samples[i - 1].EgoLateralAccelMps2) / trace.TickS;
                if (jerk > peakJerk)
                {
                    peakJerk = jerk;
                    jerkAtS = s.TimeS;
                }
            }

            if (s.TimeS >= fromS && s.LaneChangeState == LaneChangeState.Idle)
            {
                double offsetM = Math.Abs(s.EgoYM + (s.EgoLane * laneWidthM));
                keeping++;
                sumSquares += offsetM * offsetM;
                if (offsetM >= maxOffset)
                {
                    maxOffset = offsetM;
                    maxAtS = s.TimeS;
                }
            }
        }

        (int? target, double? overshoot, double? worst, double? final) = MeasureLaneChangeEnd(scenario, trace);
        int holding = samples.Count(s => s.LateralAuthority == LateralAuthority.Holding);
        var byReason = samples.Where(s => s.LateralReason != LateralReason.None)
            .GroupBy(s => s.LateralReason)
            .OrderBy(g => g.Key)
            .ToDictionary(g => g.Key.ToString(), g => g.Count());
        return new LateralFigures(steered, keeping, keeping > 0 ? Math.Sqrt(sumSquares / keeping) : null, keeping > 0 ? maxOffset : null,
            maxAtS, driverAfterS, peakAccel, accelAtS, peakJerk, jerkAtS, target, overshoot, worst, final, holding, byReason);
    }

    /// <summary>From the first start of lateral movement: target lane, overshoot beyond its centre, worst offset after the window, final offset.</summary>
    private static (int? Target, double? OvershootM, double? WorstM, double? FinalM) MeasureLaneChangeEnd(Scenario scenario, ScenarioTrace trace)
    {
        IReadOnlyList<TraceSample> samples = trace.Samples;
        int start = -1;
        for (int i = 0; i < samples.Count && start < 0; i++)
        {
            if (samples[i].LaneChangeState == LaneChangeState.Changing && samples[i].TargetLane >= 0)
            {
                start = i;
            }
        }

        if (start < 0)
        {
            return (null, null, null, null);
        }

        double widthM = scenario.Road.LaneWidthM;
        int target = samples[start].TargetLane;
        double targetYM = -target * widthM;
        double towardsFar = Math.Sign(targetYM - (-samples[start].EgoLane * widthM));
        double windowFromS = samples[start].TimeS + (scenario.Expect.LaneChangeCentred?.WithinS ?? double.PositiveInfinity);
        double overshoot = 0;
        double? worst = null;
        for (int i = start; i < samples.Count; i++)
        {
            double offsetM = samples[i].EgoYM - targetYM;
            overshoot = Math.Max(overshoot, offsetM * towardsFar);
            if (samples[i].TimeS >= windowFromS)
            {
                worst = Math.Max(worst ?? 0, Math.Abs(offsetM));
            }
        }

        return (target, overshoot, worst, samples[^1].EgoYM - targetYM);
    }

    private static void AddLateralChecks(ScenarioExpectations e, LateralFigures f, PlannerOptions options, List<CheckOutcome> checks)
    {
        if (e.LateralLimitsRespected)
        {
            // Slack for round-off only: the controller clamps its command to these values and the car only lags it.
            const double RoundOff = 1e-6;
            double accelLimit = options.Lateral.MaxLateralAccelMps2, jerkLimit = options.Lateral.MaxLateralJerkMps3;
            checks.Add(new CheckOutcome("lateral.accel", f.PeakLateralAccelMps2 <= accelLimit + RoundOff,
                $"peak lateral acceleration while the planner steered {M(f.PeakLateralAccelMps2)} m/s² at {S(f.PeakLateralAccelAtS)} s, must be ≤ {M(accelLimit)}"));
            checks.Add(new CheckOutcome("lateral.jerk", f.PeakLateralJerkMps3 <= jerkLimit + RoundOff,
                $"peak lateral jerk while the planner steered {M(f.PeakLateralJerkMps3)} m/s³ at {S(f.PeakLateralJerkAtS)} s, must be ≤ {M(jerkLimit)}"));
        }

        if (e.LaneKeeping is LaneKeepingExpectation k)
        {
            string seen = $"RMS {M3(f.LaneKeepingRmsM)} m, max {M3(f.LaneKeepingMaxM)} m at {S(f.LaneKeepingMaxAtS)} s over {f.LaneKeepingTicks} ticks from {S(k.FromS)} s";
            checks.Add(new CheckOutcome("laneKeeping.steered", f.DriverSteeredAfterS is null && f.LaneKeepingTicks > 0, f.DriverSteeredAfterS is double t
                ? $"the planner stopped steering at {S(t)} s (the driver had to)"
                : $"the planner steered on every tick from {S(k.FromS)} s ({f.LaneKeepingTicks} keeping the lane)"));
            checks.Add(new CheckOutcome("laneKeeping.rms", f.LaneKeepingRmsM <= k.RmsMaxM, $"{seen}; RMS must be ≤ {M3(k.RmsMaxM)} m"));
            checks.Add(new CheckOutcome("laneKeeping.max", f.LaneKeepingMaxM <= k.MaxM, $"{seen}; max must be ≤ {M3(k.MaxM)} m"));
        }

        if (e.LaneChangeCentred is LaneChangeCentredExpectation c)
        {
            string seen = f.LaneChangeTargetLane is int lane
                ? $"target lane {lane}: worst offset from its centre {S(c.WithinS)} s after the start {M3(f.LaneChangeWorstOffsetM)} m, final {M3(f.LaneChangeFinalOffsetM)} m, overshoot {M3(f.LaneChangeOvershootM)} m"
                : "no lane change started";
            checks.Add(new CheckOutcome("laneChange.centred", f.LaneChangeWorstOffsetM <= c.ToleranceM, $"{seen}; must stay within {M3(c.ToleranceM)} m"));
            checks.Add(new CheckOutcome("laneChange.overshoot", f.LaneChangeOvershootM <= c.OvershootMaxM, $"{seen}; overshoot must be ≤ {M3(c.OvershootMaxM)} m"));
        }
    }

    private static string M3(double? value) => value is double v ? v.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) : "-";
}
