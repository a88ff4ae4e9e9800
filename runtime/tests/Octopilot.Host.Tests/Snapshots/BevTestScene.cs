using Octopilot.Core.Calibration;
using Octopilot.Fusion.Bev;
using Octopilot.Testing;

namespace Octopilot.Host.Tests.Snapshots;

/// <summary>
/// The shipped default rig's BEV lookup table over the default grid (sim capture 384x288, stride 4), built once for all
/// BEV picture tests (the table is immutable), and helpers to fill layers with known content.
/// </summary>
internal static class BevTestScene
{
    private static readonly Lazy<CameraRig> LazyRig = new(() => RigFile.Load(RepositoryPaths.DefaultRig).ScaledTo(384, 288));
    private static readonly Lazy<BevLookupTable> LazyTable = new(() => BevLookupTable.Build(Rig, new BevGridOptions(), 96, 72, 4));

    public static CameraRig Rig => LazyRig.Value;

    public static BevLookupTable Table => LazyTable.Value;

    public static BevGridOptions Grid => Table.Grid;

    /// <summary>Marks the cell holding (x, y) known in both heads with the given probabilities; returns the cell.</summary>
    public static int SetCell(BevLayers layers, double xM, double yM, float drivable, float lanes)
    {
        Assert.True(layers.Grid.TryGetCell(xM, yM, out int cell), $"({xM}, {yM}) is outside the grid");
        layers.DrivableKnownForWrite[cell] = true;
        layers.DrivableForWrite[cell] = drivable;
        layers.LanesKnownForWrite[cell] = true;
        layers.LanesForWrite[cell] = lanes;
        return cell;
    }

    /// <summary>Best camera of a cell, −1 when none sees it.</summary>
    public static int BestCamera(int cell) => Table.SourceCount(cell) > 0 ? Table.GetSource(cell, 0).Camera : -1;

    /// <summary>
    /// The centre of a cell near (x, y) whose four neighbours have the same best camera, so no footprint outline
    /// crosses its pixels: the ground colour there is exactly the palette's.
    /// </summary>
    public static (double XM, double YM) InteriorCellNear(double xM, double yM)
    {
        BevGridOptions grid = Grid;
        Assert.True(grid.TryGetCell(xM, yM, out int start));
        int ix0 = start / grid.CellsY, iy0 = start % grid.CellsY;
        for (int radius = 0; radius < 8; radius++)
        {
            for (int ix = ix0 - radius; ix <= ix0 + radius; ix++)
            {
                for (int iy = iy0 - radius; iy <= iy0 + radius; iy++)
                {
                    if (ix < 1 || iy < 1 || ix >= grid.CellsX - 1 || iy >= grid.CellsY - 1)
                    {
                        continue;
                    }

                    int camera = BestCamera((ix * grid.CellsY) + iy);
                    if (BestCamera(((ix + 1) * grid.CellsY) + iy) == camera && BestCamera(((ix - 1) * grid.CellsY) + iy) == camera
                        && BestCamera((ix * grid.CellsY) + iy + 1) == camera && BestCamera((ix * grid.CellsY) + iy - 1) == camera)
                    {
                        return (grid.CellCentreXM(ix), grid.CellCentreYM(iy));
                    }
                }
            }
        }

        throw new InvalidOperationException($"no cell away from footprint edges near ({xM}, {yM})");
    }
}
