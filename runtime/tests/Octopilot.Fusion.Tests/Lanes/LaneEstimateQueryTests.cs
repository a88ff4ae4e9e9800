using Octopilot.Fusion.Bev;
using Octopilot.Fusion.Lanes;
using Xunit;

namespace Octopilot.Fusion.Tests.Lanes;

/// <summary>Queries the world model makes of a fitted estimate: which lane a point is in, lane centres, bad indices.</summary>
public class LaneEstimateQueryTests
{
    private readonly LaneEstimate _estimate;

    public LaneEstimateQueryTests()
    {
        var painter = new LanePainter();
        painter.Road(laneCount: 3, egoLane: 1, egoOffsetM: 0.5, radiusM: 1000);
        var fitter = new LaneFitter(new BevGridOptions(), new LaneFitOptions());
        _estimate = fitter.CreateEstimate();
        fitter.Fit(painter.Layers, _estimate);
    }

    [Theory]
    [InlineData(0, 0, 1)]
    [InlineData(40, 0.3, 1)]     // the bend carries the ego lane left: at 40 m its centre is at about +0.3 m
    [InlineData(40, -1.6, 2)]    // in the ego lane at x = 0, but the bend puts the divider left of it at 40 m
    [InlineData(-15, 3.1, 0)]
    [InlineData(60, 5.8, 0)]
    [InlineData(20, 5.5, -1)]    // left of the left edge
    [InlineData(20, -7, -1)]     // right of the right edge
    [InlineData(101, 0, -1)]     // past the fit window plus the query extrapolation
    [InlineData(-61, 0, -1)]
    public void LaneIndexAt_Point_ReturnsItsLane(double xM, double yM, int expected)
    {
        Assert.Equal(expected, _estimate.LaneIndexAt(xM, yM));
    }

    [Fact]
    public void LaneIndexAt_NaN_MinusOne()
    {
        Assert.Equal(-1, _estimate.LaneIndexAt(double.NaN, 0));
        Assert.Equal(-1, _estimate.LaneIndexAt(10, double.NaN));
    }

    [Fact]
    public void LaneCentreYAtM_MidwayBetweenBoundaries()
    {
        for (int lane = 0; lane < _estimate.LaneCount; lane++)
        {
            double expected = 0.5 * (_estimate.Boundary(lane).YAtM(25) + _estimate.Boundary(lane + 1).YAtM(25));
            Assert.Equal(expected, _estimate.LaneCentreYAtM(lane, 25), 9);
            LaneAssert.Near(3.6, _estimate.LaneWidthM(lane), 0.03, $"lane {lane} width");
        }

        LaneAssert.Near(-0.5, _estimate.LaneCentreYAtM(1, 0), 0.03, "ego lane centre at x = 0");
    }

    [Fact]
    public void Boundaries_SortedLeftToRight()
    {
        for (int k = 1; k < _estimate.BoundaryCount; k++)
        {
            Assert.True(_estimate.Boundary(k - 1).C0 > _estimate.Boundary(k).C0);
        }
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void LaneWidthM_LaneOutOfRange_Throws(int lane)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => _estimate.LaneWidthM(lane));
        Assert.Contains("0..2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Boundary_IndexOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _estimate.Boundary(4));
    }
}
