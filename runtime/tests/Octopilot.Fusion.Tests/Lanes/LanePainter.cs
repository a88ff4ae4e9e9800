using Octopilot.Fusion.Bev;

namespace Octopilot.Fusion.Tests.Lanes;

/// <summary>
/// Paints lane layers by hand: a marking sets each cell to the fraction of the cell's width it covers (what the oracle
/// head reports: the share of marking pixels), dashes on where the cell centre's x falls on paint. Starts all known, all 0.
/// With <c>withSolidLinesHead</c> the solid-lines layer is known everywhere too (as if every camera's model had the
/// head) and solid lines are painted into it as well; without it that layer stays unknown (a four-head model).
/// </summary>
internal sealed class LanePainter
{
    public const double LaneWidthM = 3.6;
    public const double MarkingWidthM = 0.15;

    public LanePainter(BevGridOptions? grid = null, bool withSolidLinesHead = false)
    {
        Layers = new BevLayers(grid ?? new BevGridOptions());
        Layers.LanesKnownForWrite.Fill(true);
        if (withSolidLinesHead)
        {
            Layers.SolidLinesKnownForWrite.Fill(true);
            Layers.SolidLinesCameraMask = 1;
        }
    }

    public BevLayers Layers { get; }

    private BevGridOptions Grid => Layers.Grid;

    /// <summary>
    /// Lateral offset at x of a line on a road of constant curvature 1/<paramref name="radiusM"/> (0: straight, left bend
    /// positive) whose offset at x = 0 is <paramref name="y0M"/> and which runs along x there (exact circle).
    /// </summary>
    public static double ArcYAtM(double y0M, double radiusM, double xM)
    {
        if (radiusM == 0)
        {
            return y0M;
        }

        double r = radiusM - y0M;
        return radiusM - (Math.Sign(radiusM) * Math.Sqrt((r * r) - (xM * xM)));
    }

    /// <summary>
    /// Paints a line centred on y(x); dashed when <paramref name="dashM"/> &gt; 0 (dash, then gap, from <paramref name="phaseM"/>).
    /// <paramref name="solidValue"/> &gt; 0 paints it into the solid-lines layer too, scaled by that probability.
    /// </summary>
    public void Line(Func<double, double> yAtM, double widthM = MarkingWidthM, double dashM = 0, double gapM = 0, double phaseM = 0, float value = 1f, float solidValue = 0f)
    {
        Span<float> lanes = Layers.LanesForWrite;
        Span<float> solid = Layers.SolidLinesForWrite;
        double cell = Grid.CellSizeM;
        for (int ix = 0; ix < Grid.CellsX; ix++)
        {
            double x = Grid.CellCentreXM(ix);
            if (dashM > 0)
            {
                double period = dashM + gapM;
                double phase = x + phaseM - (Math.Floor((x + phaseM) / period) * period);
                if (phase >= dashM)
                {
                    continue;
                }
            }

            double y = yAtM(x);
            for (int iy = 0; iy < Grid.CellsY; iy++)
            {
                double y0 = Grid.YMinM + (iy * cell);
                double overlap = Math.Min(y0 + cell, y + (widthM / 2)) - Math.Max(y0, y - (widthM / 2));
                if (overlap > 0)
                {
                    int c = (ix * Grid.CellsY) + iy;
                    lanes[c] = Math.Min(1f, lanes[c] + (float)(value * overlap / cell));
                    if (solidValue > 0)
                    {
                        solid[c] = Math.Min(1f, solid[c] + (float)(solidValue * overlap / cell));
                    }
                }
            }
        }
    }

    /// <summary>
    /// A road of <paramref name="laneCount"/> lanes of <see cref="LaneWidthM"/>: ego lane <paramref name="egoLane"/> (0 =
    /// leftmost) with the ego <paramref name="egoOffsetM"/> left of its centre; solid edges, dividers dashed 3 m / 9 m
    /// when <paramref name="dashed"/>. The edges are also painted into the solid-lines layer (what a solid_lines head
    /// reports: edge paint only, dividers 0, dashed or not). Returns the lines' offsets at x = 0, left to right.
    /// </summary>
    public double[] Road(int laneCount, int egoLane, double egoOffsetM, double radiusM = 0, bool dashed = false)
    {
        double[] y0 = new double[laneCount + 1];
        double egoCentre = -egoOffsetM;
        for (int k = 0; k <= laneCount; k++)
        {
            y0[k] = egoCentre + ((egoLane + 0.5 - k) * LaneWidthM);
            double line = y0[k];
            bool divider = k > 0 && k < laneCount;
            Line(x => ArcYAtM(line, radiusM, x), dashM: dashed && divider ? 3 : 0, gapM: dashed && divider ? 9 : 0, phaseM: 1.3 * k, solidValue: divider ? 0f : 1f);
        }

        return y0;
    }

    /// <summary>A filled rectangle of marking probability (clutter: arrows, glare, a white car).</summary>
    public void Blob(double xMinM, double xMaxM, double yMinM, double yMaxM, float value = 1f) => ForCells(xMinM, xMaxM, yMinM, yMaxM, c => Layers.LanesForWrite[c] = value);

    /// <summary>No camera covered these cells: unknown and 0.</summary>
    public void Unknown(double xMinM, double xMaxM, double yMinM, double yMaxM) => ForCells(xMinM, xMaxM, yMinM, yMaxM, c =>
    {
        Layers.LanesKnownForWrite[c] = false;
        Layers.LanesForWrite[c] = 0;
    });

    private void ForCells(double xMinM, double xMaxM, double yMinM, double yMaxM, Action<int> action)
    {
        for (int ix = 0; ix < Grid.CellsX; ix++)
        {
            double x = Grid.CellCentreXM(ix);
            if (x < xMinM || x > xMaxM)
            {
                continue;
            }

            for (int iy = 0; iy < Grid.CellsY; iy++)
            {
                double y = Grid.CellCentreYM(iy);
                if (y >= yMinM && y <= yMaxM)
                {
                    action((ix * Grid.CellsY) + iy);
                }
            }
        }
    }
}
