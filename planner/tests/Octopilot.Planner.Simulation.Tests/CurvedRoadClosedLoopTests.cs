using Octopilot.Planner.Inputs;
using Octopilot.Planner.Lateral;
using Octopilot.Planner.Outputs;
using Octopilot.Planner.Simulation.Evaluation;
using Octopilot.Planner.Simulation.Scenarios;
using Octopilot.Planner.Simulation.Tests.Infrastructure;

namespace Octopilot.Planner.Simulation.Tests;

/// <summary>
/// The closed loop on constant curves with the ground-truth world model: traffic and ego move consistently along the
/// curve (a same-speed car keeps its path gap), the ego keeps its lane, and the world model reports objects and the ego
/// lane's centre line in the true ego frame (turned with the ego heading).
/// </summary>
public sealed class CurvedRoadClosedLoopTests
{
    public static TheoryData<double, int> Curves() => new()
    {
        { 500, 1 },   // centre lane of a left curve
        { 500, 2 },   // outer lane of a left curve (its path is longer than lane 0's station)
        { -500, 0 },  // outer lane of a right curve
        { -250, 2 },  // inner lane of a tight right curve
    };

    [Theory]
    [MemberData(nameof(Curves))]
    public void Simulate_SameSpeedCarAheadOnCurve_PathGapStaysConstantAndEgoKeepsItsLane(double radiusM, int lane)
    {
        Scenario scenario = CurveScenarios.Follow(radiusM, lane, lane, gapAheadM: 50, carSpeedMps: 25);

        ScenarioTrace trace = ScenarioRunner.Simulate(scenario, new PlannerOptions());

        Assert.Equal(3000, trace.Samples.Count);
        IReadOnlyList<TraceSample> samples = trace.Samples;
        Assert.All(samples, s => Assert.NotNull(s.LeadGapM)); // the car ahead in the ego lane is the lead on every tick

        // Kinematics along the path: the gap changes only by what the ego's speed differs from the car's 25 m/s (the
        // planner may ease off a little: on a curve it sees the car's velocity turned, so a smaller forward component).
        // A station rate off by the lane's path scale would move the car ≈ 0.7 % × 750 m ≈ 5 m over the run.
        double expectedGapM = 50, worstErrorM = 0;
        for (int i = 0; i < samples.Count; i++)
        {
            if (i > 0)
            {
                expectedGapM += (25 - (0.5 * (samples[i - 1].EgoSpeedMps + samples[i].EgoSpeedMps))) * trace.TickS;
            }

            worstErrorM = Math.Max(worstErrorM, Math.Abs(samples[i].LeadGapM!.Value - expectedGapM));
        }

        Assert.True(worstErrorM < 0.01, $"path gap off its kinematics by up to {worstErrorM:F4} m");

        double laneYM = -lane * CurveScenarios.LaneWidthM;
        Assert.All(trace.Samples, s => Assert.Equal(lane, s.EgoLane));
        Assert.True(trace.Samples.Max(s => Math.Abs(s.EgoYM - laneYM)) < 0.05, "the ego wandered in its lane");
        Assert.All(trace.Samples, s => Assert.False(s.DriverSteers));
        Assert.All(trace.Samples, s => Assert.Equal(TakeoverReason.None, s.Takeover));
    }

    [Theory]
    [MemberData(nameof(Curves))]
    public void Observe_CarAheadOnCurve_IsReportedOnTheLaneCircleInTheEgoFrame(double radiusM, int lane)
    {
        Scenario scenario = CurveScenarios.Follow(radiusM, lane, lane, gapAheadM: 50, carSpeedMps: 25);
        var world = new RecordingWorldModel();
        double laneRadiusM = CurveScenarios.LaneRadiusM(radiusM, lane);

        ScenarioRunner.Simulate(scenario, new PlannerOptions(), world);

        Assert.Equal(3000, world.Observations.Count);
        foreach (RecordingWorldModel.Observation o in world.Observations)
        {
            Assert.Equal(1, o.World.Objects.Count);
            TrackedObject car = o.World.Objects[0];
            double x = car.XM;

            // On the ego's own circle (the ego sits within millimetres of its lane centre, heading along the road):
            // y = R − √(R² − x²) ≈ x²/(2R), left on a left curve, right on a right one.
            double onCircleM = Math.Sign(laneRadiusM) * (Math.Abs(laneRadiusM) - Math.Sqrt((laneRadiusM * laneRadiusM) - (x * x)));
            Assert.Equal(onCircleM, car.YM, 0.01);
            Assert.Equal(x * x / (2 * laneRadiusM), car.YM, 0.05 * Math.Abs(car.YM));
            Assert.True(Math.Abs(car.YM) > 2.5, $"at x = {x:F1} m a car on R {laneRadiusM} m must sit ≈ x²/2R to the side, got {car.YM:F3} m");

            // Velocity over ground along the car's own tangent, turned into the ego frame by the angle it subtends.
            Assert.Equal(25, Math.Sqrt((car.VxMps * car.VxMps) + (car.VyMps * car.VyMps)), 1e-6);
            Assert.Equal(Math.Asin(x / laneRadiusM), Math.Atan2(car.VyMps, car.VxMps), 1e-3);
            Assert.Equal(lane, car.LaneIndex);
        }
    }

    [Fact]
    public void Observe_CarAheadOnStraightRoad_IsStraightAhead()
    {
        var world = new RecordingWorldModel();

        ScenarioRunner.Simulate(CurveScenarios.Follow(null, 1, 1, gapAheadM: 50, carSpeedMps: 25, durationS: 5), new PlannerOptions(), world);

        Assert.All(world.Observations, o =>
        {
            TrackedObject car = o.World.Objects[0];
            Assert.Equal(0, car.YM, 1e-9);
            Assert.Equal(0, car.VyMps, 1e-9);
            Assert.Equal(25, car.VxMps, 1e-9);
        });
    }

    [Theory]
    [InlineData(0, LaneMarking.Solid, LaneMarking.Dashed)]
    [InlineData(1, LaneMarking.Dashed, LaneMarking.Dashed)]
    [InlineData(2, LaneMarking.Dashed, LaneMarking.Solid)]
    public void Observe_EgoInEachLane_EdgeLinesSolidDividersDashed(int egoLane, LaneMarking left, LaneMarking right)
    {
        var world = new RecordingWorldModel();

        ScenarioRunner.Simulate(CurveScenarios.Follow(null, egoLane, egoLane, gapAheadM: 50, carSpeedMps: 25, durationS: 2), new PlannerOptions(), world);

        Assert.All(world.Observations, o =>
        {
            Assert.Equal(egoLane, o.World.EgoLaneIndex);
            Assert.Equal(left, o.World.EgoLeftBoundaryMarking);
            Assert.Equal(right, o.World.EgoRightBoundaryMarking);
        });
    }

    [Theory]
    [InlineData(500, 2)]   // left curve, car in the outer lane: it appears straight ahead in the ego frame at ≈ 60 m
    [InlineData(-500, 0)]  // the mirror image
    public void Observe_CarInNeighbouringLaneOnCurve_KeepsItsRoadLaneIndex(double radiusM, int carLane)
    {
        var world = new RecordingWorldModel();

        ScenarioRunner.Simulate(CurveScenarios.Follow(radiusM, 1, carLane, gapAheadM: 80, carSpeedMps: 20), new PlannerOptions(), world);

        TrackedObject[] cars = world.Observations.Select(o => o.World.Objects[0]).ToArray();
        Assert.All(cars, c => Assert.Equal(carLane, c.LaneIndex));
        // The case that makes the lane index matter: somewhere the car's ego-frame y lies inside the ego lane's strip.
        Assert.Contains(cars, c => Math.Abs(c.YM) < 0.5);
    }

    [Theory]
    [InlineData(500, 0.3)]
    [InlineData(-500, 0.3)]
    [InlineData(250, -0.4)]
    [InlineData(-1000, -0.4)]
    public void Observe_EgoCentreLine_IsOffsetByTheEgoAndCurvesWithTheLane(double radiusM, double offsetM)
    {
        var world = new RecordingWorldModel();
        double laneRadiusM = CurveScenarios.LaneRadiusM(radiusM, 1);

        ScenarioRunner.Simulate(CurveScenarios.Alone(radiusM, 25, offsetM, durationS: 10), new PlannerOptions(), world);

        WorldModelSnapshot first = world.Observations[0].World;
        Assert.Equal(1, first.EgoLaneIndex);
        Assert.Equal(offsetM, first.EgoLateralOffsetM, 1e-9);
        Assert.Equal(1.0, first.EgoCentreLine.ConfidenceUnit);

        // Tick 0: the ego heads along the road, offset from the lane centre; the true centre in its frame is the lane's
        // circle about the ego's own centre of curvature, y(x) = (R − o) − sign(R)·√(R² − x²).
        double egoRadiusM = laneRadiusM - offsetM;
        for (double x = 0; x <= 60; x += 5)
        {
            double trueYM = egoRadiusM - (Math.Sign(laneRadiusM) * Math.Sqrt((laneRadiusM * laneRadiusM) - (x * x)));
            Assert.Equal(trueYM, first.EgoCentreLine.YAtM(x), 0.01);
        }

        foreach (RecordingWorldModel.Observation o in world.Observations)
        {
            LaneCentreLine line = o.World.EgoCentreLine;
            Assert.True(line.IsPresent && line.IsFinite);
            Assert.Equal(-o.World.EgoLateralOffsetM, line.C0M, 0.005); // the centre is where the ego is not
            // c2 ≈ 1/2R with the hand's sign (a cubic over 75 m of a circle: a few per cent low on R 250).
            Assert.Equal(1 / (2 * laneRadiusM), line.C2PerM, 0.03 / (2 * Math.Abs(laneRadiusM)));
        }

        // The planner brings the ego back: the reported offset shrinks to the lane centre.
        Assert.True(Math.Abs(world.Observations[^1].World.EgoLateralOffsetM) < 0.02);
    }

    [Theory]
    [InlineData(500, 2)]
    [InlineData(-500, 0)]
    public void Simulate_SlowerCarInNeighbouringLaneOnCurve_EgoDoesNotFollowIt(double radiusM, int carLane)
    {
        ScenarioTrace trace = ScenarioRunner.Simulate(CurveScenarios.Follow(radiusM, 1, carLane, gapAheadM: 80, carSpeedMps: 20),
            new PlannerOptions());

        Assert.All(trace.Samples, s => Assert.Null(s.LeadGapM)); // ground truth: never in the ego's path
        Assert.True(trace.Samples.Min(s => s.EgoSpeedMps) > 24.9, $"slowed to {trace.Samples.Min(s => s.EgoSpeedMps):F2} m/s");
    }

    [Fact]
    public void Simulate_Disengaged_DriverSteersEveryTickAndKeepsTheCurve()
    {
        Scenario scenario = CurveScenarios.Alone(500, 25, offsetM: 0.5, driver: "\"engaged\": false");

        ScenarioTrace trace = ScenarioRunner.Simulate(scenario, new PlannerOptions());

        Assert.All(trace.Samples, s =>
        {
            Assert.True(s.DriverSteers);
            Assert.Equal(LateralAuthority.None, s.LateralAuthority);
            Assert.Equal(1, s.EgoLane);
        });
        Assert.True(Math.Abs(trace.Samples[^1].EgoYM + 3.5) < 0.05, "the driver centres the car in its lane");
    }

    [Fact]
    public void Simulate_EngagedBelowLateralMinimumSpeed_DriverSteersWithoutTakeover()
    {
        var options = new PlannerOptions();
        Scenario scenario = CurveScenarios.Alone(250, options.LateralMinSpeedMps - 2, offsetM: 0.3);

        ScenarioResult result = ScenarioRunner.Run(scenario, options);

        Assert.All(result.Checks, c => Assert.True(c.Passed, $"{c.Name}: {c.Message}"));
        Assert.Equal(0, result.Lateral.SystemSteeredTicks);
        Assert.Equal(0.0, result.Lateral.DriverSteeredAfterS);
        Assert.Empty(result.Takeovers);
    }

    [Fact]
    public void Simulate_PlannerSteersOnCurve_EgoCurvatureFollowsTheCommand()
    {
        ScenarioTrace trace = ScenarioRunner.Simulate(CurveScenarios.Alone(500, 25, offsetM: 0.3), new PlannerOptions());

        // The car's curvature is the command through a 0.2 s lag: never further from it than the command moved in that
        // time, and equal in the steady state on the lane's circle.
        TraceSample last = trace.Samples[^1];
        Assert.Equal(1 / CurveScenarios.LaneRadiusM(500, 1), last.CurvatureCommandPerM, 1e-6);
        Assert.Equal(last.CurvatureCommandPerM, last.EgoCurvaturePerM, 1e-6);
        Assert.Equal(25 * 25 * last.EgoCurvaturePerM, last.EgoLateralAccelMps2, 1e-9);
        Assert.All(trace.Samples, s => Assert.Equal(LateralAuthority.Active, s.LateralAuthority));
    }
}
