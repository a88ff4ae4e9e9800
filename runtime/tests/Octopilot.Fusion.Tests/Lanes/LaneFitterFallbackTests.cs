using Octopilot.Fusion.Bev;
using Octopilot.Fusion.Lanes;
using Xunit;

namespace Octopilot.Fusion.Tests.Lanes;

/// <summary>The single-line fallback: an ego lane with one boundary found is completed one lane width away.</summary>
public class LaneFitterFallbackTests
{
    private readonly LaneFitter _fitter = new(new BevGridOptions(), new LaneFitOptions());

    [Fact]
    public void Fit_EgoLaneRightDividerMissing_CompletedFromTheOtherLanesWidth()
    {
        // Three lanes, ego in the middle 0.2 m left of centre; the right divider is not painted (worn, or every dash in a gap).
        var painter = new LanePainter();
        double[] lines = LineOffsets(laneCount: 3, egoLane: 1, egoOffsetM: 0.2);
        foreach (int k in new[] { 0, 1, 3 })
        {
            painter.Line(_ => lines[k]);
        }

        LaneEstimate estimate = Fit(painter);

        Assert.Equal(3, estimate.LaneCount);
        Assert.Equal(1, estimate.EgoLaneIndex);
        Assert.Equal(1, estimate.InferredBoundaryCount);
        Assert.True(estimate.Boundary(2).IsInferred);
        Assert.Equal(0, estimate.Boundary(2).SupportSlices);
        Assert.False(estimate.Boundary(1).IsInferred);
        for (int k = 0; k < lines.Length; k++)
        {
            // The inferred line carries the measured width's error (two painted lines' biases): the width tolerance.
            double toleranceM = k == 2 ? LaneAssert.SyntheticWidthToleranceM : LaneAssert.SyntheticLineToleranceM;
            LaneAssert.Near(lines[k], estimate.Boundary(k).YAtM(30), toleranceM, $"boundary {k} at x = 30 m");
        }

        LaneAssert.Near(LanePainter.LaneWidthM, estimate.EgoLaneWidthM, LaneAssert.SyntheticWidthToleranceM, "ego lane width");
        // The centre moves by half the inferred line's error plus half the measured divider's bias.
        LaneAssert.Near(0.2, estimate.EgoLateralOffsetM, LaneAssert.SyntheticWidthToleranceM, "ego offset");
        Assert.InRange(estimate.Confidence, 0.01, LaneFitter.InferredConfidenceFactor);
    }

    [Fact]
    public void Fit_OnlyTheLeftLineAfterAFullFit_CompletedFromThePreviousEgoWidth()
    {
        var road = new LanePainter();
        road.Road(laneCount: 1, egoLane: 0, egoOffsetM: 0.1);
        LaneEstimate estimate = Fit(road);
        Assert.Equal(0, estimate.InferredBoundaryCount);
        double measuredWidthM = estimate.EgoLaneWidthM;

        // Next set: only the left line is seen.
        var leftOnly = new LanePainter();
        double leftY0M = (LanePainter.LaneWidthM / 2) - 0.1;
        leftOnly.Line(_ => leftY0M);
        _fitter.Fit(leftOnly.Layers, estimate);

        Assert.Equal(1, estimate.LaneCount);
        Assert.Equal(0, estimate.EgoLaneIndex);
        Assert.True(estimate.Boundary(1).IsInferred);
        LaneAssert.Near(measuredWidthM, estimate.EgoLaneWidthM, 0.01, "ego lane width held from the previous fit");
        LaneAssert.Near(0.1, estimate.EgoLateralOffsetM, 0.05, "ego offset");
        Assert.True(estimate.Confidence > 0 && estimate.Confidence <= LaneFitter.InferredConfidenceFactor, $"confidence {estimate.Confidence:F3}");

        // Without a previous fit there is no width to complete the lane with.
        _fitter.Reset();
        _fitter.Fit(leftOnly.Layers, estimate);
        Assert.False(estimate.IsValid);
    }

    internal static double[] LineOffsets(int laneCount, int egoLane, double egoOffsetM)
    {
        double[] y0 = new double[laneCount + 1];
        for (int k = 0; k <= laneCount; k++)
        {
            y0[k] = -egoOffsetM + ((egoLane + 0.5 - k) * LanePainter.LaneWidthM);
        }

        return y0;
    }

    private LaneEstimate Fit(LanePainter painter)
    {
        LaneEstimate estimate = _fitter.CreateEstimate();
        _fitter.Fit(painter.Layers, estimate);
        return estimate;
    }
}
