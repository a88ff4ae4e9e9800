using Octopilot.Fusion.Bev;
using Octopilot.Fusion.Lanes;
using Xunit;

namespace Octopilot.Fusion.Tests.Lanes;

/// <summary>
/// Each boundary's marking from the solid-lines layer when the model has the head (mean solid probability at the
/// supporting peaks ≥ 0.5 → solid), from the support coverage without it; the source is recorded on the boundary.
/// </summary>
public class LaneFitterSolidLinesTests
{
    private readonly LaneFitter _fitter = new(new BevGridOptions(), new LaneFitOptions());

    [Theory]
    [InlineData(0.0)]
    [InlineData(1000.0)]
    public void Fit_ContinuousDividersWithSolidHeadOnEdges_EdgesSolidDividersDashedFromTheHead(double radiusM)
    {
        // Dividers painted without gaps: coverage alone would call every boundary solid; the head says only the edges are.
        var painter = new LanePainter(withSolidLinesHead: true);
        painter.Road(laneCount: 3, egoLane: 1, egoOffsetM: 0.2, radiusM, dashed: false);

        LaneEstimate estimate = Fit(painter);

        Assert.Equal(4, estimate.BoundaryCount);
        for (int k = 0; k < 4; k++)
        {
            LaneBoundary b = estimate.Boundary(k);
            bool edge = k is 0 or 3;
            Assert.Equal(LaneMarkingSource.SolidLinesHead, b.MarkingSource);
            Assert.Equal(!edge, b.IsDashed);
            Assert.Equal(edge, b.IsSolid);
            if (edge)
            {
                Assert.InRange(b.MeanSolidProbability, LaneFitter.SolidProbabilityThreshold, 1.0);
            }
            else
            {
                Assert.InRange(b.MeanSolidProbability, 0.0, 0.05);
            }
        }
    }

    [Fact]
    public void Fit_SameRoadWithoutTheHead_CoverageCallsEveryContinuousLineSolid()
    {
        // The control for the test above: the head, not the paint, made the dividers dashed there.
        var painter = new LanePainter();
        painter.Road(laneCount: 3, egoLane: 1, egoOffsetM: 0.2, dashed: false);

        LaneEstimate estimate = Fit(painter);

        Assert.Equal(4, estimate.BoundaryCount);
        for (int k = 0; k < 4; k++)
        {
            LaneBoundary b = estimate.Boundary(k);
            Assert.Equal(LaneMarkingSource.Coverage, b.MarkingSource);
            Assert.False(b.IsDashed);
            Assert.True(double.IsNaN(b.MeanSolidProbability));
        }
    }

    [Fact]
    public void Fit_DashedDividersWithSolidHead_HeadAgreesWithThePaint()
    {
        var painter = new LanePainter(withSolidLinesHead: true);
        painter.Road(laneCount: 3, egoLane: 1, egoOffsetM: 0.2, dashed: true);

        LaneEstimate estimate = Fit(painter);

        Assert.Equal(4, estimate.BoundaryCount);
        Assert.Equal([false, true, true, false], Enumerable.Range(0, 4).Select(k => estimate.Boundary(k).IsDashed));
        Assert.All(Enumerable.Range(0, 4), k => Assert.Equal(LaneMarkingSource.SolidLinesHead, estimate.Boundary(k).MarkingSource));
    }

    [Fact]
    public void Fit_SolidDividerPaintedInTheHead_ThatDividerSolid()
    {
        // A no-overtaking divider: solid paint between two lanes; the left edge's head output is weak (0.3): dashed.
        var painter = new LanePainter(withSolidLinesHead: true);
        double[] lines = LaneFitterFallbackTests.LineOffsets(laneCount: 2, egoLane: 1, egoOffsetM: 0);
        painter.Line(_ => lines[0], solidValue: 0.3f);
        painter.Line(_ => lines[1], solidValue: 1f);
        painter.Line(_ => lines[2], solidValue: 1f);

        LaneEstimate estimate = Fit(painter);

        Assert.Equal(3, estimate.BoundaryCount);
        Assert.True(estimate.Boundary(0).IsDashed, $"mean solid {estimate.Boundary(0).MeanSolidProbability}");
        Assert.True(estimate.Boundary(1).IsSolid);
        Assert.True(estimate.Boundary(2).IsSolid);
    }

    [Fact]
    public void Fit_HeadPresentButItsCellsUnknown_FallsBackToCoverage()
    {
        var painter = new LanePainter(withSolidLinesHead: true);
        painter.Road(laneCount: 3, egoLane: 1, egoOffsetM: 0.2, dashed: true);
        painter.Layers.SolidLinesKnownForWrite.Clear(); // e.g. the cameras seeing the road had NaN in that head

        LaneEstimate estimate = Fit(painter);

        Assert.Equal(4, estimate.BoundaryCount);
        Assert.All(Enumerable.Range(0, 4), k => Assert.Equal(LaneMarkingSource.Coverage, estimate.Boundary(k).MarkingSource));
        Assert.Equal([false, true, true, false], Enumerable.Range(0, 4).Select(k => estimate.Boundary(k).IsDashed));
    }

    [Fact]
    public void Fit_InferredBoundary_HasNoMarking()
    {
        var painter = new LanePainter(withSolidLinesHead: true);
        double[] lines = LaneFitterFallbackTests.LineOffsets(laneCount: 3, egoLane: 1, egoOffsetM: 0.2);
        foreach (int k in new[] { 0, 1, 3 })
        {
            painter.Line(_ => lines[k], solidValue: 1f);
        }

        LaneEstimate estimate = Fit(painter);

        LaneBoundary inferred = estimate.Boundary(2);
        Assert.True(inferred.IsInferred);
        Assert.Equal(LaneMarkingSource.None, inferred.MarkingSource);
        Assert.False(inferred.IsSolid);
        Assert.Equal(LaneMarkingSource.SolidLinesHead, estimate.Boundary(1).MarkingSource);
    }

    private LaneEstimate Fit(LanePainter painter)
    {
        LaneEstimate estimate = _fitter.CreateEstimate();
        _fitter.Fit(painter.Layers, estimate);
        return estimate;
    }
}
