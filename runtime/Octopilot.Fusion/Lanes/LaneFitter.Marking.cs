using Octopilot.Fusion.Bev;

namespace Octopilot.Fusion.Lanes;

/// <summary>Step 7: each measured boundary's marking (solid or dashed) from the solid-lines layer, when the model has that head.</summary>
public sealed partial class LaneFitter
{
    /// <summary>
    /// Mean solid probability along a boundary's support at or above which it is solid: the even-odds point of the
    /// head's sigmoid (onnx/CONTRACT.md, solid_lines).
    /// </summary>
    public const double SolidProbabilityThreshold = 0.5;

    /// <summary>
    /// Lateral cells searched either side of a supporting peak's centroid: 1 (±0.25 m on the default grid). A centroid
    /// can land a cell off the paint (a widened flank, a thin far line spread over two cells); neighbouring lines are at
    /// least <see cref="LaneFitOptions.MinLaneWidthM"/> apart, so their paint is never read.
    /// </summary>
    private const int MarkingSearchHalfWidthCells = 1;

    /// <summary>
    /// Mean over <paramref name="track"/>'s supporting peaks of the probability that the paint there is solid. Per peak,
    /// over the lateral cells within <see cref="MarkingSearchHalfWidthCells"/> of the centroid, the highest slice mean
    /// (over known cells, the marking profile's averaging) of the solid-lines layer divided by the highest of the lanes
    /// layer, capped at 1: P(solid | paint). Why the ratio and not the solid layer alone: a thin far line fills only part
    /// of a cell, and maps that report the painted share of a cell (the oracle perception, like its lanes map) then read
    /// well under 0.5 on a solid line; the share of the paint that is solid does not depend on how much of the cell is
    /// paint. With a model trained on "any paint in the cell" targets the lanes head reads about 1 at a peak, so the
    /// ratio is the solid head's own probability. Sampling only where the boundary's paint was seen keeps a dashed
    /// line's gaps and an occluded stretch of a solid line out of the mean. NaN (keep the coverage heuristic) when no
    /// camera had a valid solid-lines head in this set, or no peak had known cells of both layers. Allocates nothing.
    /// </summary>
    private double MeanSolidProbability(LaneTrack track, BevLayers layers)
    {
        if (layers.SolidLinesCameraMask == 0)
        {
            return double.NaN;
        }

        double sum = 0;
        int samples = 0;
        for (int p = 0; p < track.Count; p++)
        {
            int slice = (int)Math.Floor((track.PointXM(p) - Options.FitXMinM) / Options.SliceLengthM);
            if ((uint)slice >= (uint)_sliceCount)
            {
                continue;
            }

            int centreIy = (int)Math.Floor((track.PointYM(p) - Grid.YMinM) / Grid.CellSizeM);
            int iyFrom = Math.Max(0, centreIy - MarkingSearchHalfWidthCells);
            int iyTo = Math.Min(Grid.CellsY - 1, centreIy + MarkingSearchHalfWidthCells);
            double bestSolid = -1, bestLanes = -1;
            for (int iy = iyFrom; iy <= iyTo; iy++)
            {
                bestSolid = Math.Max(bestSolid, SliceMean(slice, iy, layers.SolidLines, layers.SolidLinesKnown));
                bestLanes = Math.Max(bestLanes, SliceMean(slice, iy, layers.Lanes, layers.LanesKnown));
            }

            // A peak always has lanes ≥ the marking threshold nearby; the guard keeps a stale point from dividing by ~0.
            if (bestSolid >= 0 && bestLanes >= Options.MarkingThreshold)
            {
                sum += Math.Min(1.0, bestSolid / bestLanes);
                samples++;
            }
        }

        return samples > 0 ? sum / samples : double.NaN;
    }

    /// <summary>Mean of <paramref name="values"/> over the known cells of slice <paramref name="slice"/>'s column <paramref name="iy"/>; −1 when none is known.</summary>
    private double SliceMean(int slice, int iy, ReadOnlySpan<float> values, ReadOnlySpan<bool> known)
    {
        int cellsY = Grid.CellsY;
        double sum = 0;
        int count = 0;
        for (int ix = _sliceIxStart[slice]; ix < _sliceIxEnd[slice]; ix++)
        {
            int cell = (ix * cellsY) + iy;
            if (known[cell])
            {
                sum += values[cell];
                count++;
            }
        }

        return count > 0 ? sum / count : -1;
    }
}
