using Octopilot.Planner.Simulation.Vehicles;

namespace Octopilot.Planner.Simulation.Tests;

/// <summary>
/// The road frame: road coordinates (s along lane 0's centre, y left of it) ↔ map frame on straight roads and constant
/// curves of either hand, lane 0's curvature from the centre line's, path length per station metre, lane lookup.
/// Geometry is checked against circles computed here, not against the frame's own formulas.
/// </summary>
public sealed class RoadFrameTests
{
    public static TheoryData<double, double, double> RoundTripCases()
    {
        var data = new TheoryData<double, double, double>();
        foreach (double curvature in new[] { 0, 1.0 / 500, -1.0 / 500, 1.0 / 100, -1.0 / 1000 })
        {
            foreach (double s in new[] { -300, 0, 37.5, 800, 1200 })
            {
                foreach (double y in new[] { 0, 1.2, -3.5, -7, -10.3 })
                {
                    data.Add(curvature, s, y);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RoundTripCases))]
    public void FromMap_OfToMap_ReturnsTheRoadPoint(double lane0CurvaturePerM, double sM, double yM)
    {
        var road = new RoadFrame(4, 3.5, lane0CurvaturePerM);

        (double x, double y, _) = road.ToMap(sM, yM);
        (double backS, double backY) = road.FromMap(x, y, sM + 20); // a hint off by 20 m still finds the same turn

        Assert.Equal(sM, backS, 1e-8);
        Assert.Equal(yM, backY, 1e-8);
    }

    [Theory]
    [InlineData(1.0 / 500)]
    [InlineData(-1.0 / 500)]
    public void ToMap_PointsAtOneOffset_LieOnTheConcentricCircle(double lane0CurvaturePerM)
    {
        var road = new RoadFrame(3, 3.5, lane0CurvaturePerM);
        double centreY = 1 / lane0CurvaturePerM; // lane 0's circle is centred at (0, 1/κ₀): tangent to +x at the origin

        foreach (double y in new[] { 0, -3.5, -7 })
        {
            // A left curve's lanes to the right are outside it (bigger radius); on a right curve they are inside.
            double expectedRadiusM = Math.Abs((1 / lane0CurvaturePerM) - y);
            foreach (double s in new[] { 0, 100, 400, 1000 })
            {
                (double x, double mapY, _) = road.ToMap(s, y);
                Assert.Equal(expectedRadiusM, Math.Sqrt((x * x) + ((mapY - centreY) * (mapY - centreY))), 1e-8);
            }

            Assert.Equal(1 / ((1 / lane0CurvaturePerM) - y), road.CurvatureAtPerM(y), 12);
        }
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1.0 / 500, -7)]
    [InlineData(-1.0 / 500, -7)]
    [InlineData(1.0 / 250, 2)]
    public void ToMap_MovingAlongTheRoad_HeadsAlongTheRoadAtPathScaleMetresPerStation(double lane0CurvaturePerM, double yM)
    {
        var road = new RoadFrame(3, 3.5, lane0CurvaturePerM);
        const double StepM = 1e-4;

        foreach (double s in new[] { 0, 150, 900 })
        {
            (double x0, double y0, _) = road.ToMap(s - StepM, yM);
            (double x1, double y1, _) = road.ToMap(s + StepM, yM);
            (_, _, double headingHere) = road.ToMap(s, yM);

            double pathPerStation = Math.Sqrt(((x1 - x0) * (x1 - x0)) + ((y1 - y0) * (y1 - y0))) / (2 * StepM);
            Assert.Equal(pathPerStation, road.PathScaleAt(yM), 6);
            Assert.Equal(0, Math.IEEERemainder(Math.Atan2(y1 - y0, x1 - x0) - headingHere, 2 * Math.PI), 6);
            Assert.Equal(road.HeadingAtRad(s), headingHere, 12);
        }
    }

    [Theory]
    [InlineData(1, 500)]
    [InlineData(2, 500)]
    [InlineData(3, 500)]
    [InlineData(4, 250)]
    [InlineData(3, 1000)]
    public void ForCentreLine_LeftCurve_Lane0IsInsideByHalfTheOtherLanes(int laneCount, double radiusM)
    {
        const double WidthM = 3.5;

        RoadFrame road = RoadFrame.ForCentreLine(laneCount, WidthM, 1 / radiusM);

        Assert.Equal(radiusM - ((laneCount - 1) * WidthM / 2), 1 / road.Lane0CurvaturePerM, 9);
        Assert.Equal(1 / radiusM, road.CurvatureAtPerM(-(laneCount - 1) * WidthM / 2), 12); // the centre line keeps R
    }

    [Theory]
    [InlineData(1, 500)]
    [InlineData(2, 500)]
    [InlineData(3, 500)]
    [InlineData(4, 250)]
    [InlineData(3, 1000)]
    public void ForCentreLine_RightCurve_Lane0IsOutsideByHalfTheOtherLanes(int laneCount, double radiusM)
    {
        const double WidthM = 3.5;

        RoadFrame road = RoadFrame.ForCentreLine(laneCount, WidthM, -1 / radiusM);

        Assert.True(road.Lane0CurvaturePerM < 0);
        Assert.Equal(radiusM + ((laneCount - 1) * WidthM / 2), -1 / road.Lane0CurvaturePerM, 9);
        Assert.Equal(-1 / radiusM, road.CurvatureAtPerM(-(laneCount - 1) * WidthM / 2), 12);
    }

    [Fact]
    public void ForCentreLine_Straight_IsTheIdentity()
    {
        RoadFrame road = RoadFrame.ForCentreLine(3, 3.5, 0);

        Assert.True(road.IsStraight);
        Assert.Equal((12.5, -3.2, 0.0), road.ToMap(12.5, -3.2));
        Assert.Equal((12.5, -3.2), road.FromMap(12.5, -3.2, 1000));
        Assert.Equal(1.0, road.PathScaleAt(-7));
    }

    [Fact]
    public void PathScaleAt_IsTheRatioOfRadii_InnerLanesShorter()
    {
        RoadFrame left = RoadFrame.ForCentreLine(3, 3.5, 1 / 500.0);   // lane radii 496.5, 500, 503.5
        RoadFrame right = RoadFrame.ForCentreLine(3, 3.5, -1 / 500.0); // lane radii 503.5, 500, 496.5

        Assert.Equal(1.0, left.PathScaleAt(0));
        Assert.Equal(500 / 496.5, left.PathScaleAt(left.LaneCentreYM(1)), 12);
        Assert.Equal(503.5 / 496.5, left.PathScaleAt(left.LaneCentreYM(2)), 12);
        Assert.Equal(500 / 503.5, right.PathScaleAt(right.LaneCentreYM(1)), 12);
        Assert.Equal(496.5 / 503.5, right.PathScaleAt(right.LaneCentreYM(2)), 12);
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(1.74, 0)]      // left of lane 0's centre, still on lane 0
    [InlineData(5.0, 0)]       // off the road to the left: clamped
    [InlineData(-1.74, 0)]
    [InlineData(-1.76, 1)]     // across the line between lanes 0 and 1
    [InlineData(-5.24, 1)]
    [InlineData(-5.26, 2)]
    [InlineData(-30.0, 2)]     // off the road to the right: clamped
    public void LaneAt_ChangesAtTheLines_ClampedToTheRoad(double yM, int expectedLane)
    {
        var road = new RoadFrame(3, 3.5, 1 / 496.5);

        Assert.Equal(expectedLane, road.LaneAt(yM));
    }

    [Fact]
    public void FromMap_BeyondHalfATurn_PicksTheStationNearestTheHint()
    {
        var road = new RoadFrame(3, 3.5, 1 / 500.0);
        double turnM = 2 * Math.PI * 500;
        (double x, double y, _) = road.ToMap(2500, -3.5); // past half a turn (1571 m): atan2 alone would say 2500 − 3142

        Assert.Equal(2500, road.FromMap(x, y, 2490).SM, 1e-8);
        Assert.Equal(2500 - turnM, road.FromMap(x, y, 0).SM, 1e-8);
        Assert.Equal(2500 + turnM, road.FromMap(x, y, 2500 + turnM - 100).SM, 1e-8);
    }

    [Theory]
    [InlineData(1e12)]
    [InlineData(1e15)]
    [InlineData(1e17)]
    public void FromMap_HugeRadius_KeepsTheOffset(double radiusM)
    {
        var road = new RoadFrame(3, 3.5, 1 / radiusM);
        (double x, double y, _) = road.ToMap(100, -3.5);

        Assert.Equal(-3.5, road.FromMap(x, y, 100).YM, 1e-6);
    }
}
