using Octopilot.Planner;
using Octopilot.Planner.Inputs;
using Octopilot.Planner.Lateral;
using Octopilot.Planner.Simulation;
using Octopilot.Planner.Simulation.Evaluation;
using Octopilot.Planner.Simulation.Perception;
using Octopilot.Planner.Simulation.Scenarios;
using Octopilot.Testing;
using Xunit.Abstractions;

namespace Octopilot.CameraPath.Tests;

/// <summary>
/// Lane keeping on the lane lines the cameras see (issue #8 acceptance): the planner steers on the centre line the
/// BEV lane fit makes from the rendered markings (oracle perception), not on ground truth. On curves the RMS offset of
/// the rear axle from the lane centre must stay ≤ 0.35 m (max ≤ 0.5 m), inside the ISO 11270 limits, with lateral
/// control active (not holding on dead reckoning) on nearly every tick.
/// </summary>
public class CameraPathLaneKeepingTests(ITestOutputHelper log)
{
    /// <summary>Source: issue #8 acceptance for the camera/BEV path with oracle perception.</summary>
    private const double CameraPathRmsMaxM = 0.35;

    /// <summary>Share of ticks lateral control may spend holding (lane fit rejected): measured 3.4–6.4 %, all LowConfidence (the fit's confidence sits near the 0.4 bound on single frames); a habit would show here.</summary>
    private const double MaxHoldingFraction = 0.10;

    [Theory]
    [InlineData("lane-keep-r500-left-100kph.json")]
    [InlineData("lane-keep-r1000-right-130kph.json")]
    [InlineData("lane-keep-r250-right-60kph.json")]
    [InlineData("lane-change-curve-left-r500-left-100kph.json")]
    public void CurvedRoad_ThroughTheCameraPath_KeepsTheLane(string fileName)
    {
        Scenario scenario = ScenarioFile.Load(CameraPathScenarioTests.ScenarioPath(fileName));
        scenario = scenario with
        {
            Expect = scenario.Expect with { LaneKeeping = new LaneKeepingExpectation(0, CameraPathRmsMaxM, LaneKeepingExpectation.DefaultMaxM) },
        };
        var options = new PlannerOptions();
        using var cameraPath = new CameraPathWorldModel(scenario, new CameraPathOptions { Rig = CameraPathScenarioTests.DefaultRig });
        var compared = new CentreLineComparison(cameraPath);
        ScenarioTrace trace = ScenarioRunner.Simulate(scenario, options, compared);
        ScenarioResult result = ScenarioEvaluator.Evaluate(scenario, trace, options);

        LateralFigures f = result.Lateral;
        int holding = trace.Samples.Count(s => s.LateralAuthority == LateralAuthority.Holding);
        log.WriteLine($"{fileName}: RMS {f.LaneKeepingRmsM:0.000} m, max {f.LaneKeepingMaxM:0.000} m at {f.LaneKeepingMaxAtS:0.00} s over {f.LaneKeepingTicks} ticks; peak a_lat {f.PeakLateralAccelMps2:0.00} m/s², jerk {f.PeakLateralJerkMps3:0.00} m/s³; holding {holding} of {trace.Samples.Count} ticks; {cameraPath.Statistics.FrameSets} frame sets");
        log.WriteLine("lateral reasons: " + string.Join(", ", f.TicksByReason.Select(r => $"{r.Key} {r.Value}")));
        log.WriteLine($"centre line vs truth over {compared.Count} ticks: c0 RMS {compared.C0RmsM:0.000} m, y(20 m) RMS {compared.Y20RmsM:0.000} m, curvature RMS {compared.CurvatureRmsPerM:0.00000} 1/m (road {scenario.Road.CurvaturePerM:0.00000})");
        foreach (CheckOutcome check in result.Checks)
        {
            log.WriteLine($"{(check.Passed ? "ok  " : "FAIL")} {check.Name}: {check.Message}");
        }

        Assert.True(result.Passed, string.Join("; ", result.Failures.Select(c => $"{c.Name}: {c.Message}")));
        Assert.True(f.LaneKeepingTicks > 0, "no tick was judged for lane keeping");
        Assert.True(holding <= MaxHoldingFraction * trace.Samples.Count, $"lateral control held on dead reckoning for {holding} of {trace.Samples.Count} ticks");
        Assert.True(compared.Count > trace.Samples.Count / 2, $"only {compared.Count} ticks had a fitted centre line to compare");
    }

    /// <summary>Passes the camera path's world model through, comparing its centre line with the ground truth's on each tick.</summary>
    private sealed class CentreLineComparison(IWorldModelSource cameras) : IWorldModelSource
    {
        private readonly GroundTruthWorldModel _truth = new();
        private double _c0Squares, _y20Squares, _curvatureSquares;

        public int Count { get; private set; }

        public double C0RmsM => Math.Sqrt(_c0Squares / Math.Max(1, Count));

        public double Y20RmsM => Math.Sqrt(_y20Squares / Math.Max(1, Count));

        public double CurvatureRmsPerM => Math.Sqrt(_curvatureSquares / Math.Max(1, Count));

        public WorldModelSnapshot Observe(SimulationView view)
        {
            WorldModelSnapshot seen = cameras.Observe(view);
            LaneCentreLine truth = _truth.Observe(view).EgoCentreLine;
            LaneCentreLine line = seen.EgoCentreLine;

            // The snapshot describes the ego frame at its start of frame, the truth the frame now: the difference
            // includes the perception latency, as the planner sees it.
            if (line.IsPresent)
            {
                Count++;
                _c0Squares += Square(line.C0M - truth.C0M);
                _y20Squares += Square(line.YAtM(20) - truth.YAtM(20));
                _curvatureSquares += Square(line.CurvatureAtPerM(0) - truth.CurvatureAtPerM(0));
            }

            return seen;
        }

        private static double Square(double x) => x * x;
    }
}
