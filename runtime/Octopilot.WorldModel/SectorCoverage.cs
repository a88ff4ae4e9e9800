using Octopilot.Fusion.Bev;

namespace Octopilot.WorldModel;

/// <summary>
/// Which parts of the surroundings the cameras actually covered in a frame set. At construction each BEV cell within
/// <see cref="MaxRangeM"/> that the rig can see (the lookup table has a source for it) is assigned to its
/// <see cref="CoverageSector"/>; per set, a sector's coverage is the share of those cells with a known fused value
/// (lanes or drivable). A camera missing from the set leaves its cells unknown unless another camera overlaps them,
/// so coverage drops exactly where nothing sees any more. Allocates only in the constructor; not thread-safe.
/// </summary>
public sealed class SectorCoverage
{
    /// <summary>Sector count (45° each).</summary>
    public const int SectorCount = 8;

    /// <summary>Cells farther than this do not count, m: what the planner's manoeuvres need (the lane change looks ~50 m back).</summary>
    public const double MaxRangeM = 60.0;

    /// <summary>Cells nearer than this do not count, m: under the car no camera sees the ground, and that is normal.</summary>
    public const double MinRangeM = 3.0;

    private readonly int[] _cells;
    private readonly int[] _sectorStart;
    private readonly float[] _coveredFraction = new float[SectorCount];

    public SectorCoverage(BevLookupTable table)
    {
        BevGridOptions grid = table.Grid;
        var perSector = new List<int>[SectorCount];
        for (int s = 0; s < SectorCount; s++)
        {
            perSector[s] = [];
        }

        for (int ix = 0; ix < grid.CellsX; ix++)
        {
            for (int iy = 0; iy < grid.CellsY; iy++)
            {
                int cell = (ix * grid.CellsY) + iy;
                double x = grid.CellCentreXM(ix), y = grid.CellCentreYM(iy);
                double rangeM = Math.Sqrt((x * x) + (y * y));
                if (rangeM < MinRangeM || rangeM > MaxRangeM || table.SourceCount(cell) == 0)
                {
                    continue;
                }

                perSector[(int)SectorOf(x, y)].Add(cell);
            }
        }

        _sectorStart = new int[SectorCount + 1];
        var cells = new List<int>();
        for (int s = 0; s < SectorCount; s++)
        {
            _sectorStart[s] = cells.Count;
            cells.AddRange(perSector[s]);
        }

        _sectorStart[SectorCount] = cells.Count;
        _cells = [.. cells];
    }

    /// <summary>Cells of a sector the rig can see at all (0: the rig has a blind sector, reported at start-up).</summary>
    public int VisibleCellCount(CoverageSector sector) => _sectorStart[(int)sector + 1] - _sectorStart[(int)sector];

    /// <summary>Share of the sector's visible cells known in the last <see cref="Update"/>, [0, 1]; 0 for a blind sector.</summary>
    public float CoveredFraction(CoverageSector sector) => _coveredFraction[(int)sector];

    /// <summary>The sector holding the ground point (x, y) of the ego frame.</summary>
    public static CoverageSector SectorOf(double xM, double yM)
    {
        double degrees = Math.Atan2(yM, xM) * (180.0 / Math.PI);
        int index = (int)Math.Floor((degrees + 22.5) / 45.0);
        return (CoverageSector)(((index % SectorCount) + SectorCount) % SectorCount);
    }

    /// <summary>Measures the sectors' coverage in <paramref name="layers"/>. Allocates nothing.</summary>
    public void Update(BevLayers layers)
    {
        ReadOnlySpan<bool> lanesKnown = layers.LanesKnown;
        ReadOnlySpan<bool> drivableKnown = layers.DrivableKnown;
        for (int s = 0; s < SectorCount; s++)
        {
            int start = _sectorStart[s], end = _sectorStart[s + 1];
            int known = 0;
            for (int i = start; i < end; i++)
            {
                int cell = _cells[i];
                known += lanesKnown[cell] || drivableKnown[cell] ? 1 : 0;
            }

            _coveredFraction[s] = end > start ? (float)known / (end - start) : 0f;
        }
    }
}
