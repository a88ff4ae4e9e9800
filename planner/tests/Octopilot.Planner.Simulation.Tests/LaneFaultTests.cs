using Octopilot.Planner.Lateral;
using Octopilot.Planner.Outputs;
using Octopilot.Planner.Simulation.Evaluation;
using Octopilot.Planner.Simulation.Running;
using Octopilot.Planner.Simulation.Scenarios;
using Octopilot.Planner.Simulation.Tests.Infrastructure;

namespace Octopilot.Planner.Simulation.Tests;

/// <summary>
/// Lane faults injected into the ground-truth centre line, closed-loop on R 500 at 100 km/h (the shipped files): what
/// the planner does on each tick (hold, hand back, ramp out), when the simulated driver takes the wheel, and that the
/// steering command never steps by more than the jerk limit allows.
/// </summary>
public sealed class LaneFaultTests
{
    private static readonly PlannerOptions Options = new();

    private static ScenarioTrace Simulate(string file) => ScenarioRunner.Simulate(ScenarioFile.Load(Suite.PathOf(file)), Options);

    /// <summary>|Δκ| per tick the ISO 11270 jerk limit allows at the sample's speed: min(j_max/v², κ̇_abs)·dt.</summary>
    private static double MaxCurvatureStepPerM(TraceSample s) => Options.Lateral.MaxCurvatureRateAtPerMS(s.EgoSpeedMps) * Options.TickPeriodS;

    private static bool Within(TraceSample s, double fromS, double toS) => s.TimeS >= fromS - 1e-9 && s.TimeS < toS - 1e-9;

    private static void AssertRateLimited(ScenarioTrace trace, double fromS, double toS)
    {
        IReadOnlyList<TraceSample> samples = trace.Samples;
        for (int i = 1; i < samples.Count; i++)
        {
            if (Within(samples[i], fromS, toS))
            {
                double stepPerM = Math.Abs(samples[i].CurvatureCommandPerM - samples[i - 1].CurvatureCommandPerM);
                Assert.True(stepPerM <= MaxCurvatureStepPerM(samples[i]) * (1 + 1e-9),
                    $"curvature command stepped {stepPerM:E3} 1/m at {samples[i].TimeS:F2} s, limit {MaxCurvatureStepPerM(samples[i]):E3}");
            }
        }
    }

    [Fact]
    public void Simulate_NonFiniteLaneHalfASecond_HoldsOnExactlyThoseTicksThenActive()
    {
        ScenarioTrace trace = Simulate("bad-input-nan-lane-r500-100kph.json");

        Assert.Equal(3000, trace.Samples.Count);
        foreach (TraceSample s in trace.Samples)
        {
            LateralAuthority expected = Within(s, 10, 10.5) ? LateralAuthority.Holding : LateralAuthority.Active;
            Assert.True(expected == s.LateralAuthority, $"{s.LateralAuthority} at {s.TimeS:F2} s, expected {expected}");
            Assert.Equal(TakeoverReason.None, s.Takeover);
            Assert.False(s.DriverSteers);
        }
    }

    [Fact]
    public void Simulate_NonFiniteLaneHalfASecond_NoSteeringStepAndTheCarStaysOnTheLine()
    {
        ScenarioTrace trace = Simulate("bad-input-nan-lane-r500-100kph.json");
        double laneCurvaturePerM = 1 / CurveScenarios.LaneRadiusM(500, 1);

        AssertRateLimited(trace, 9.5, 11.5);
        foreach (TraceSample s in trace.Samples.Where(s => Within(s, 10, 10.5)))
        {
            // Holding the dead-reckoned last good path on a circle: still the circle's curvature, within 0.1 %.
            Assert.Equal(laneCurvaturePerM, s.CurvatureCommandPerM, 1e-3 * laneCurvaturePerM);
            Assert.Equal(-3.5, s.EgoYM, 0.01);
        }
    }

    [Fact]
    public void Simulate_LanesLostFiveSeconds_HoldsOneSecondThenHandsBackAndTheDriverTakesOverOneSecondLater()
    {
        ScenarioTrace trace = Simulate("lanes-lost-5s-r500-100kph.json");
        IReadOnlyList<TraceSample> samples = trace.Samples;

        double? takeoverAtS = samples.Where(s => s.Takeover != TakeoverReason.None).Select(s => (double?)s.TimeS).FirstOrDefault();
        double? driverAtS = samples.Where(s => s.DriverSteers).Select(s => (double?)s.TimeS).FirstOrDefault();
        Assert.NotNull(takeoverAtS);
        Assert.NotNull(driverAtS);
        Assert.Equal(10 + Options.Lateral.HoldS, takeoverAtS!.Value, 0.011);
        Assert.Equal(takeoverAtS.Value + DriverSteering.ReactionS, driverAtS!.Value, 0.011);

        foreach (TraceSample s in samples)
        {
            LateralAuthority expected = s.TimeS < 10 - 1e-9 ? LateralAuthority.Active
                : s.TimeS < takeoverAtS - 1e-9 ? LateralAuthority.Holding
                : LateralAuthority.None; // latched until the driver re-engages: the lanes coming back at 15 s change nothing
            Assert.True(expected == s.LateralAuthority, $"{s.LateralAuthority} at {s.TimeS:F2} s, expected {expected}");
            Assert.Equal(s.TimeS >= takeoverAtS - 1e-9 ? TakeoverReason.LateralUnavailable : TakeoverReason.None, s.Takeover);
            Assert.Equal(s.TimeS >= driverAtS - 1e-9, s.DriverSteers); // keeps the wheel once taken
            Assert.Equal(1, s.EgoLane); // the ramp-out and the driver's correction stay inside the lane
        }

        Assert.True(Math.Abs(samples[^1].EgoYM + 3.5) < 0.02, "the driver brings the car back to the lane centre");
    }

    [Fact]
    public void Simulate_LanesLostFiveSeconds_CommandRampsMonotonicallyToZeroBeforeTheDriverReacts()
    {
        ScenarioTrace trace = Simulate("lanes-lost-5s-r500-100kph.json");
        TraceSample[] handBack = trace.Samples.Where(s => s.Takeover != TakeoverReason.None && !s.DriverSteers).ToArray();

        Assert.True(handBack.Length >= 90, $"only {handBack.Length} ticks between hand-back and driver");
        for (int i = 1; i < handBack.Length; i++)
        {
            double before = handBack[i - 1].CurvatureCommandPerM, now = handBack[i].CurvatureCommandPerM;
            Assert.True(Math.Abs(now) <= Math.Abs(before) && Math.Sign(now) * Math.Sign(before) >= 0,
                $"not ramping towards 0 at {handBack[i].TimeS:F2} s: {before:E4} → {now:E4}");
        }

        Assert.True(handBack[0].CurvatureCommandPerM > 0, "on a left curve the hand-back starts from left curvature");
        Assert.Equal(0, handBack[^1].CurvatureCommandPerM);
        AssertRateLimited(trace, 9.5, handBack[^1].TimeS + 0.01);

        // The ramp takes exactly as long as the jerk limit needs: κ_road / (j_max/v²) ≈ 0.31 s at 27.8 m/s on R 500.
        double rampS = handBack.First(s => s.CurvatureCommandPerM == 0).TimeS - handBack[0].TimeS;
        double expectedS = (1 / CurveScenarios.LaneRadiusM(500, 1)) / Options.Lateral.MaxCurvatureRateAtPerMS(handBack[0].EgoSpeedMps);
        Assert.Equal(expectedS, rampS, 0.02);
    }

    [Fact]
    public void Simulate_LanesLostOneSecond_BridgedWithoutTakeover()
    {
        ScenarioTrace trace = Simulate("lanes-lost-1s-r500-100kph.json");

        Assert.All(trace.Samples, s =>
        {
            Assert.Equal(TakeoverReason.None, s.Takeover);
            Assert.False(s.DriverSteers);
            Assert.Equal(Within(s, 10, 11) ? LateralAuthority.Holding : LateralAuthority.Active, s.LateralAuthority);
        });
        Assert.True(trace.Samples.Max(s => Math.Abs(s.EgoYM + 3.5)) < 0.1);
        AssertRateLimited(trace, 9.5, 12);
    }

    [Fact]
    public void Simulate_OneTickLaneJump_RejectedForThatTickOnly()
    {
        ScenarioTrace trace = Simulate("bad-input-lane-jump-r500-100kph.json");

        TraceSample held = Assert.Single(trace.Samples, s => s.LateralAuthority != LateralAuthority.Active);
        Assert.Equal(LateralAuthority.Holding, held.LateralAuthority);
        Assert.Equal(10.0, held.TimeS, 1e-9);
        Assert.All(trace.Samples, s => Assert.Equal(TakeoverReason.None, s.Takeover));
        AssertRateLimited(trace, 9.5, 11);
        Assert.True(trace.Samples.Max(s => Math.Abs(s.EgoYM + 3.5)) < 0.01, "a rejected 1 m jump must not move the car");
    }

    [Theory]
    [InlineData("bad-input-nan-lane-r500-100kph.json", 50, "NonFiniteInput", 50)]
    [InlineData("bad-input-lane-jump-r500-100kph.json", 1, "LaneJump", 1)]
    [InlineData("lanes-lost-1s-r500-100kph.json", 100, "LaneLost", 100)]
    [InlineData("lanes-lost-5s-r500-100kph.json", 100, "LaneLost", 500)] // held 1 s; the reason stands all 5 s
    public void Run_LaneFault_CountsHoldingTicksAndTheReasonOverTheFaultWindow(string file, int holdingTicks, string reason, int reasonTicks)
    {
        ScenarioResult result = ScenarioRunner.Run(ScenarioFile.Load(Suite.PathOf(file)), Options);

        Assert.True(result.Passed, string.Join("; ", result.Failures.Select(c => $"{c.Name}: {c.Message}")));
        Assert.Equal(holdingTicks, result.Lateral.HoldingTicks);
        KeyValuePair<string, int> counted = Assert.Single(result.Lateral.TicksByReason);
        Assert.Equal(reason, counted.Key);
        Assert.Equal(reasonTicks, counted.Value);
    }

    [Fact]
    public void Simulate_PersistentLaneJump_AcceptedAfterOneTickAndFollowedWithoutSteeringStep()
    {
        // A fit latched onto the wrong marking for 3 s: rejected once, then tracked (the reference moved 1 m left);
        // the rate limit keeps the steering smooth and the car moves towards the reported centre, then back.
        Scenario scenario = CurveScenarios.Alone(500, 27.78, durationS: 20, world: "\"faults\": [ { \"kind\": \"laneJump\", \"fromS\": 5, \"toS\": 8 } ]");

        ScenarioTrace trace = ScenarioRunner.Simulate(scenario, Options);

        Assert.Single(trace.Samples, s => Within(s, 5, 8) && s.LateralAuthority == LateralAuthority.Holding);
        AssertRateLimited(trace, 4.5, 10);
        double leftMostM = trace.Samples.Where(s => Within(s, 5, 8.5)).Max(s => s.EgoYM + 3.5);
        Assert.InRange(leftMostM, 0.9, 1.1); // followed the line shifted by 1 m, overshooting it by < 10 %
        Assert.Equal(-3.5, trace.Samples[^1].EgoYM, 0.02);
    }
}
