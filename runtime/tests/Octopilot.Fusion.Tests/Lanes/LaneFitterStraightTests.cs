using Octopilot.Fusion.Bev;
using Octopilot.Fusion.Lanes;
using Xunit;

namespace Octopilot.Fusion.Tests.Lanes;

/// <summary>Hand-painted straight and curved roads with solid lines: geometry, lane count, ego lane and offset.</summary>
public class LaneFitterStraightTests
{
    private readonly LanePainter _painter = new();
    private readonly LaneFitter _fitter = new(new BevGridOptions(), new LaneFitOptions());

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.45)]
    [InlineData(-0.7)]
    public void Fit_StraightThreeLanes_FindsLanesAndEgoOffset(double egoOffsetM)
    {
        double[] lines = _painter.Road(laneCount: 3, egoLane: 1, egoOffsetM);
        LaneEstimate estimate = Fit();

        Assert.True(estimate.IsValid);
        Assert.Equal(3, estimate.LaneCount);
        Assert.Equal(1, estimate.EgoLaneIndex);
        LaneAssert.Near(3.6, estimate.EgoLaneWidthM, LaneAssert.SyntheticWidthToleranceM, "ego lane width");
        LaneAssert.Near(egoOffsetM, estimate.EgoLateralOffsetM, 0.03, "ego offset");
        LaneAssert.BoundariesMatch(estimate, lines, 0, LaneAssert.SyntheticLineToleranceM);
        Assert.True(estimate.Confidence > 0.8, $"confidence {estimate.Confidence:F3}");
    }

    [Theory]
    [InlineData(1000.0)]
    [InlineData(-1000.0)]
    public void Fit_CurvedThreeLanes_FollowsTheBend(double radiusM)
    {
        double[] lines = _painter.Road(laneCount: 3, egoLane: 1, egoOffsetM: 0.3, radiusM);
        LaneEstimate estimate = Fit();

        Assert.Equal(3, estimate.LaneCount);
        Assert.Equal(1, estimate.EgoLaneIndex);
        LaneAssert.BoundariesMatch(estimate, lines, radiusM, LaneAssert.SyntheticLineToleranceM);
        LaneAssert.Near(1 / (2 * radiusM), estimate.Boundary(1).C2, 0.1 / (2 * Math.Abs(radiusM)), "C2 = curvature / 2");
        LaneAssert.Near(0.3, estimate.EgoLateralOffsetM, 0.03, "ego offset");
    }

    [Fact]
    public void Fit_HardMarkingsScatteredByACell_StaysConfident()
    {
        // What a trained HydraNet's marking map looks like in the BEV: 0/1 paint two cells wide whose centre wanders by
        // up to a cell from slice to slice (a fixed pseudo-random walk, so the test is exact).
        double[] offsets = [0, 0.25, -0.25, 0.125, -0.125, 0.25, 0, -0.25];
        for (int k = 0; k <= 3; k++)
        {
            double line = (1.5 - k) * LanePainter.LaneWidthM;
            _painter.Line(x => line + offsets[(int)Math.Floor(x + 100) % offsets.Length], widthM: 0.5, value: 1f);
        }

        LaneEstimate estimate = Fit();

        Assert.Equal(3, estimate.LaneCount);
        Assert.Equal(1, estimate.EgoLaneIndex);
        LaneBoundary left = estimate.Boundary(1);
        Assert.InRange(left.RmsResidualM, 0.1, 0.25); // scattered about as much as the closed loop measured on the model
        Assert.True(estimate.Confidence >= 0.5, $"confidence {estimate.Confidence:F3} with RMS {left.RmsResidualM:F3} m");
        LaneAssert.Near(0, estimate.EgoLateralOffsetM, 0.1, "ego offset");
    }

    [Fact]
    public void Fit_OneLaneRoad_OneLaneWithTheEgo()
    {
        double[] lines = _painter.Road(laneCount: 1, egoLane: 0, egoOffsetM: -0.2);
        LaneEstimate estimate = Fit();

        Assert.Equal(1, estimate.LaneCount);
        Assert.Equal(0, estimate.EgoLaneIndex);
        LaneAssert.BoundariesMatch(estimate, lines, 0, LaneAssert.SyntheticLineToleranceM);
        LaneAssert.Near(-0.2, estimate.EgoLateralOffsetM, 0.03, "ego offset");
    }

    [Fact]
    public void Fit_EgoInLeftLaneOfFour_IndexZero()
    {
        _painter.Road(laneCount: 4, egoLane: 0, egoOffsetM: 0);
        LaneEstimate estimate = Fit();

        Assert.Equal(4, estimate.LaneCount);
        Assert.Equal(0, estimate.EgoLaneIndex);
    }

    private LaneEstimate Fit()
    {
        LaneEstimate estimate = _fitter.CreateEstimate();
        _fitter.Fit(_painter.Layers, estimate);
        return estimate;
    }
}
