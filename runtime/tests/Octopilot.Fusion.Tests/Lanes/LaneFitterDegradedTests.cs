using Octopilot.Fusion.Bev;
using Octopilot.Fusion.Lanes;
using Xunit;

namespace Octopilot.Fusion.Tests.Lanes;

/// <summary>What real grids do to markings: dashes, clutter, uncovered sectors, occlusion, nothing at all.</summary>
public class LaneFitterDegradedTests
{
    private readonly LanePainter _painter = new();
    private readonly LaneFitter _fitter = new(new BevGridOptions(), new LaneFitOptions());

    [Theory]
    [InlineData(0.0)]
    [InlineData(1000.0)]
    public void Fit_DashedDividers_StillFourBoundaries(double radiusM)
    {
        double[] lines = _painter.Road(laneCount: 3, egoLane: 1, egoOffsetM: 0.2, radiusM, dashed: true);
        LaneEstimate estimate = Fit();

        Assert.Equal(3, estimate.LaneCount);
        Assert.Equal(1, estimate.EgoLaneIndex);
        LaneAssert.BoundariesMatch(estimate, lines, radiusM, LaneAssert.SyntheticLineToleranceM);
        Assert.True(estimate.Boundary(1).IsDashed);
        Assert.True(estimate.Boundary(2).IsDashed);
        Assert.False(estimate.Boundary(0).IsDashed);
        Assert.InRange(estimate.Boundary(1).SupportSlices, 15, 35); // about a quarter of 80 slices
    }

    [Fact]
    public void Fit_ClutterBlobs_IgnoredByTheFit()
    {
        double[] lines = _painter.Road(laneCount: 3, egoLane: 1, egoOffsetM: 0, dashed: true);
        var random = new Random(5);
        for (int i = 0; i < 40; i++)
        {
            double x = -20 + (random.NextDouble() * 80), y = -12 + (random.NextDouble() * 24);
            double size = 0.3 + random.NextDouble();
            _painter.Blob(x, x + size, y, y + size, value: 0.3f + (0.7f * (float)random.NextDouble()));
        }

        LaneEstimate estimate = Fit();

        Assert.Equal(3, estimate.LaneCount);
        Assert.Equal(1, estimate.EgoLaneIndex);
        LaneAssert.BoundariesMatch(estimate, lines, 0, LaneAssert.SyntheticLineToleranceM + 0.03);
    }

    [Fact]
    public void Fit_ParallelClutterStripeBetweenLines_DoesNotSplitALane()
    {
        // A faint tar seam 1.2 m left of the right divider: too close to a line to bound a lane of its own.
        double[] lines = _painter.Road(laneCount: 3, egoLane: 1, egoOffsetM: 0);
        _painter.Line(_ => lines[2] + 1.2, widthM: 0.2, value: 0.5f);

        LaneEstimate estimate = Fit();

        Assert.Equal(3, estimate.LaneCount);
        LaneAssert.BoundariesMatch(estimate, lines, 0, LaneAssert.SyntheticLineToleranceM);
    }

    [Fact]
    public void Fit_LeftForwardSectorUnknown_LanesFromTheRest()
    {
        double[] lines = _painter.Road(laneCount: 3, egoLane: 1, egoOffsetM: 0.1, radiusM: -1000);
        _painter.Unknown(5, 100, 0, 20);   // left pillar and forward cameras gone: left half ahead unknown
        _painter.Unknown(-3, 3, -20, 20);  // under and beside the car: never covered

        LaneEstimate estimate = Fit();

        Assert.Equal(3, estimate.LaneCount);
        Assert.Equal(1, estimate.EgoLaneIndex);
        LaneAssert.BoundariesMatch(estimate, lines, -1000, LaneAssert.SyntheticLineToleranceM + 0.03);
    }

    [Fact]
    public void Fit_UnknownCellsHoldingPaint_AreNotRead()
    {
        // The fusion writes 0 under unknown cells; a fitter that ignored the flag would still see this phantom line.
        _painter.Road(laneCount: 3, egoLane: 1, egoOffsetM: 0);
        _painter.Line(_ => 8.0);
        LaneEstimate withPhantom = Fit();
        Assert.Equal(4, withPhantom.LaneCount);

        for (int c = 0; c < _painter.Layers.CellCount; c++)
        {
            double y = _painter.Layers.Grid.CellCentreYM(c % _painter.Layers.Grid.CellsY);
            if (y > 7 && y < 9)
            {
                _painter.Layers.LanesKnownForWrite[c] = false;
            }
        }

        LaneEstimate estimate = Fit();
        Assert.Equal(3, estimate.LaneCount);
    }

    [Fact]
    public void Fit_VehicleHidesTheRightDivider_LaneSurvives()
    {
        double[] lines = _painter.Road(laneCount: 3, egoLane: 1, egoOffsetM: 0, dashed: true);
        // A car cutting in, seen from behind: it hides the divider from 6 to 30 m; the cells are known but show no paint.
        for (int c = 0; c < _painter.Layers.CellCount; c++)
        {
            double x = _painter.Layers.Grid.CellCentreXM(c / _painter.Layers.Grid.CellsY);
            double y = _painter.Layers.Grid.CellCentreYM(c % _painter.Layers.Grid.CellsY);
            if (x is > 6 and < 30 && y is > -3 and < -0.5)
            {
                _painter.Layers.LanesForWrite[c] = 0;
            }
        }

        LaneEstimate estimate = Fit();

        Assert.Equal(3, estimate.LaneCount);
        Assert.Equal(1, estimate.EgoLaneIndex);
        LaneAssert.BoundariesMatch(estimate, lines, 0, LaneAssert.SyntheticLineToleranceM);
    }

    [Fact]
    public void Fit_NothingPainted_InvalidWithZeroConfidence()
    {
        LaneEstimate estimate = Fit();

        Assert.False(estimate.IsValid);
        Assert.Equal(0, estimate.Confidence);
        Assert.Equal(0, estimate.LaneCount);
        Assert.Equal(-1, estimate.EgoLaneIndex);
        Assert.Equal(-1, estimate.LaneIndexAt(10, 0));
    }

    [Fact]
    public void Fit_EverythingUnknown_Invalid_AndClearsThePreviousFit()
    {
        _painter.Road(laneCount: 3, egoLane: 1, egoOffsetM: 0);
        LaneEstimate estimate = _fitter.CreateEstimate();
        _fitter.Fit(_painter.Layers, estimate);
        Assert.True(estimate.IsValid);

        _painter.Layers.LanesKnownForWrite.Clear();
        _fitter.Fit(_painter.Layers, estimate);

        Assert.False(estimate.IsValid);
        Assert.Equal(0, estimate.BoundaryCount);
        Assert.Equal(0, estimate.Confidence);
    }

    [Fact]
    public void Fit_SingleLine_NoLane()
    {
        _painter.Line(_ => 1.8);
        LaneEstimate estimate = Fit();

        Assert.False(estimate.IsValid);
        Assert.Equal(0, estimate.Confidence);
    }

    private LaneEstimate Fit()
    {
        LaneEstimate estimate = _fitter.CreateEstimate();
        _fitter.Fit(_painter.Layers, estimate);
        return estimate;
    }
}
