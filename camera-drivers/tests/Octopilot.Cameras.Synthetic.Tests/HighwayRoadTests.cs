namespace Octopilot.Cameras.Synthetic.Tests;

/// <summary>Road coordinates and world coordinates convert exactly both ways, on straight and curved roads.</summary>
public class HighwayRoadTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.0004)]
    [InlineData(-0.002)]
    public void WorldToRoad_RoadToWorldPoints_RoundTripsExactly(double curvaturePerM)
    {
        var road = new HighwayRoad(new RoadSpec(3, 3.6, curvaturePerM, 3, 9, 0.15, 2.5));
        foreach (double s in new[] { -250.0, 0, 13.7, 999.5, 5000 })
        {
            foreach (double d in new[] { -9.0, -1.8, 0, 5.4, 12 })
            {
                Pose2D p = road.RoadToWorld(s, d);
                RoadPoint back = road.WorldToRoad(p.XM, p.YM, s + 3);

                Assert.Equal(s, back.StationM, 6);
                Assert.Equal(d, back.LateralM, 6);
                Assert.Equal(curvaturePerM * s, p.HeadingRad, 12);
            }
        }
    }

    [Fact]
    public void RoadToWorld_LeftCurve_BendsLeftWithRadiusOneOverCurvature()
    {
        var road = new HighwayRoad(new RoadSpec(3, 3.6, 0.01, 3, 9, 0.15, 2.5));

        Pose2D quarter = road.RoadToWorld(Math.PI / 2 / 0.01, 0);

        Assert.Equal(100, quarter.XM, 9);
        Assert.Equal(100, quarter.YM, 9);
        Assert.Equal(Math.PI / 2, quarter.HeadingRad, 12);
    }

    [Fact]
    public void LaneCentreOffsetM_ThreeLanes_LaneZeroIsLeftmost()
    {
        var spec = new RoadSpec(3, 3.6, 0, 3, 9, 0.15, 2.5);

        Assert.Equal(3.6, spec.LaneCentreOffsetM(0), 12);
        Assert.Equal(0, spec.LaneCentreOffsetM(1), 12);
        Assert.Equal(-3.6, spec.LaneCentreOffsetM(2), 12);
    }
}
