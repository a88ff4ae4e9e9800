using Octopilot.Fusion.Bev;
using Octopilot.Fusion.Tests.Infrastructure;

namespace Octopilot.Fusion.Tests.Bev;

public class BevLookupTableCoverageTests
{
    [Fact]
    public void DefaultRig_EveryCameraFeedsSomeCells()
    {
        BevLookupTable table = DefaultRigTable.Table;
        for (int camera = 0; camera < table.CameraCount; camera++)
        {
            Assert.True(table.CameraUsedCellCount(camera) > 0, $"{DefaultRigTable.Rig[camera].Name} feeds no cell");
            Assert.True(table.CameraSeenCellCount(camera) >= table.CameraUsedCellCount(camera));
        }
    }

    [Fact]
    public void DefaultRig_NoWarnings() => Assert.Empty(DefaultRigTable.Table.Warnings);

    [Fact]
    public void DefaultRig_CoversAllButTheGroundUnderTheCar()
    {
        BevLookupTable table = DefaultRigTable.Table;

        // Under the body (about 4.9 m x 1.9 m = 150 cells) the flat ground is hidden from every camera; nothing else should be.
        Assert.InRange(table.UncoveredCellCount, 1, 400);
        Assert.True(table.OverlapCellCount > table.CellCount / 2, $"only {table.OverlapCellCount} overlap cells");
    }

    [Fact]
    public void MaxCameraRange_Shorter_DropsFarCells()
    {
        var grid = new BevGridOptions { MaxCameraRangeM = 30 };
        BevLookupTable table = BevLookupTable.Build(DefaultRigTable.Rig, grid, DefaultRigTable.MapWidth, DefaultRigTable.MapHeight, DefaultRigTable.StridePx);
        Assert.True(grid.TryGetCell(60, 0, out int far));
        Assert.True(grid.TryGetCell(20, 0, out int near));
        Assert.Equal(0, table.SourceCount(far));
        Assert.Equal(2, table.SourceCount(near));
    }
}
