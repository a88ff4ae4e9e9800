using Octopilot.Planner.Simulation.Running;
using Octopilot.Planner.Simulation.Vehicles;

namespace Octopilot.Planner.Simulation.Tests;

/// <summary>
/// The simulated ego on a curved road (kinematic bicycle in the map frame, projected back to road coordinates every
/// step) and the simulated driver's steering, against circle geometry computed here.
/// </summary>
public sealed class SimulatedEgoTests
{
    private const double TickS = 0.01;

    private static readonly RoadFrame LeftR500 = RoadFrame.ForCentreLine(3, 3.5, 1 / 500.0);
    private static readonly RoadFrame RightR500 = RoadFrame.ForCentreLine(3, 3.5, -1 / 500.0);

    public static TheoryData<int, int> Roads() => new() { { 1, 0 }, { 1, 2 }, { -1, 0 }, { -1, 2 } };

    private static RoadFrame Road(int hand) => hand > 0 ? LeftR500 : RightR500;

    [Theory]
    [MemberData(nameof(Roads))]
    public void Step_CommandingTheLaneCurvature_StaysOnTheLaneAndAdvancesByPathOverScale(int hand, int lane)
    {
        RoadFrame road = Road(hand);
        double laneYM = road.LaneCentreYM(lane);
        var ego = new SimulatedEgo(road, 25, laneYM, actuatorLagS: 0.3, steeringLagS: 0.2, wheelbaseM: 2.8);

        for (int i = 0; i < 1000; i++)
        {
            ego.Step(0, road.CurvatureAtPerM(laneYM), TickS);
        }

        // 250 m of path on the lane's circle; the station (lane 0's arc length) differs by the ratio of radii.
        Assert.Equal(laneYM, ego.YM, 1e-6);
        Assert.Equal(250 / road.PathScaleAt(laneYM), ego.SM, 1e-6);
        Assert.Equal(0, ego.HeadingToRoadRad, 1e-9);
        Assert.Equal(25 * 25 * road.CurvatureAtPerM(laneYM), ego.LateralAccelMps2, 1e-9);
    }

    [Theory]
    [MemberData(nameof(Roads))]
    public void Step_DrivingStraightOnACurve_LeavesAlongTheTangent(int hand, int lane)
    {
        RoadFrame road = Road(hand);
        double laneYM = road.LaneCentreYM(lane);
        double radiusM = Math.Abs(1 / road.CurvatureAtPerM(laneYM));
        var ego = new SimulatedEgo(road, 20, laneYM, actuatorLagS: 0.3, steeringLagS: 0, wheelbaseM: 2.8); // no lag: straight at once

        for (int i = 0; i < 500; i++)
        {
            ego.Step(0, 0, TickS);
        }

        // 100 m along the tangent: √(R² + d²) from the curve's centre, i.e. that much outside the lane, towards the outside.
        double outsideM = Math.Sqrt((radiusM * radiusM) + (100 * 100)) - radiusM;
        Assert.Equal(laneYM - (hand * outsideM), ego.YM, 1e-6);
        Assert.Equal(-hand * Math.Atan(100 / radiusM), ego.HeadingToRoadRad, 1e-9);
    }

    [Fact]
    public void Step_SteeringLag_CurvatureFollowsTheCommandFirstOrder()
    {
        var ego = new SimulatedEgo(new RoadFrame(3, 3.5, 0), 20, -3.5, actuatorLagS: 0.3, steeringLagS: 0.2, wheelbaseM: 2.8);
        const double CommandPerM = 0.002;

        for (int i = 0; i < 20; i++)
        {
            ego.Step(0, CommandPerM, TickS); // 0.2 s = one time constant
        }

        // δ = atan(Lκ) lags by τ: after one τ the angle is 1 − e⁻¹ of the command's (tan ≈ identity at 0.0056 rad).
        double expected = Math.Tan((1 - Math.Exp(-1)) * Math.Atan(2.8 * CommandPerM)) / 2.8;
        Assert.Equal(expected, ego.CurvaturePerM, 1e-9);
        Assert.True(ego.YM > -3.5, "a left command moves the car left");
    }

    [Theory]
    [MemberData(nameof(Roads))]
    public void DriverSteering_OnTheLaneCentreAlongTheRoad_SteersTheLaneCurvature(int hand, int lane)
    {
        RoadFrame road = Road(hand);
        double laneYM = road.LaneCentreYM(lane);
        var ego = new SimulatedEgo(road, 27, laneYM, 0.3, 0.2, 2.8);

        // Pure pursuit of a point on the car's own circle returns that circle's curvature.
        Assert.Equal(road.CurvatureAtPerM(laneYM), DriverSteering.CurvaturePerM(road, ego), 1e-9);
    }

    [Theory]
    [InlineData(1, 0.5)]
    [InlineData(1, -0.5)]
    [InlineData(-1, 0.5)]
    [InlineData(-1, -0.5)]
    public void DriverSteering_OffCentre_SteersBackTowardsTheCentre(int hand, double offsetM)
    {
        RoadFrame road = Road(hand);
        double laneYM = road.LaneCentreYM(1);
        var ego = new SimulatedEgo(road, 27, laneYM + offsetM, 0.3, 0.2, 2.8);

        double steerPerM = DriverSteering.CurvaturePerM(road, ego);

        // Left of the centre: less left curvature than the lane's own (a right correction), and the other way round.
        Assert.Equal(-Math.Sign(offsetM), Math.Sign(steerPerM - road.CurvatureAtPerM(laneYM + offsetM)));
    }

    [Fact]
    public void DriverSteering_ClosedLoopOnACurve_ReturnsToTheCentreOfTheLaneItIsIn()
    {
        RoadFrame road = LeftR500;
        double laneYM = road.LaneCentreYM(1);
        var ego = new SimulatedEgo(road, 27, laneYM + 0.8, 0.3, 0.2, 2.8);
        double worstM = 0;

        for (int i = 0; i < 1500; i++)
        {
            ego.Step(0, DriverSteering.CurvaturePerM(road, ego), TickS);
            worstM = Math.Max(worstM, Math.Abs(ego.YM - laneYM));
        }

        Assert.True(worstM < 1.75, $"left the lane: {worstM} m from its centre");
        Assert.True(Math.Abs(ego.YM - laneYM) < 0.02, $"after 15 s still {ego.YM - laneYM} m off centre");
    }
}
