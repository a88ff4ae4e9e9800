using Octopilot.Fusion.Bev;
using Octopilot.Fusion.Tests.Infrastructure;
using Octopilot.Inference.Perception;

namespace Octopilot.Fusion.Tests.Bev;

/// <summary>All eight cameras present and valid: every cell is the weighted mean of its sources' map pixels.</summary>
public class BevFusionGatherTests
{
    private readonly BevFusion _fusion = new(DefaultRigTable.Table);
    private readonly PerceptionFrameSet _set = DetachedSets.Create(DefaultRigTable.Rig, DefaultRigTable.MapWidth, DefaultRigTable.MapHeight);

    [Fact]
    public void Fuse_AllValid_EveryCellIsTheWeightedMeanOfItsSources()
    {
        DetachedSets.FillDistinct(_set);
        _set.SetSequence = 42;
        BevLayers layers = _fusion.CreateLayers();
        _fusion.Fuse(_set, layers);

        BevLookupTable table = _fusion.Table;
        for (int cell = 0; cell < table.CellCount; cell++)
        {
            (bool known, float lanes) = ExpectedFusion.Cell(table, cell, HeadKind.Lanes, _ => true);
            (_, float drivable) = ExpectedFusion.Cell(table, cell, HeadKind.Drivable, _ => true);
            Assert.Equal(known, layers.LanesKnown[cell]);
            Assert.Equal(known, layers.DrivableKnown[cell]);
            Assert.Equal(lanes, layers.Lanes[cell], 6);
            Assert.Equal(drivable, layers.Drivable[cell], 6);
        }

        Assert.Equal(42, layers.SetSequence);
        Assert.Equal(table.CellCount - table.UncoveredCellCount, layers.LanesKnownCellCount);
        Assert.Equal(table.CellCount - table.UncoveredCellCount, layers.DrivableKnownCellCount);
        Assert.Equal(0xFFu, layers.LanesCameraMask);
    }

    [Fact]
    public void Fuse_SingleSourceCell_IsThatPixelExactly()
    {
        DetachedSets.FillDistinct(_set);
        BevLayers layers = _fusion.CreateLayers();
        _fusion.Fuse(_set, layers);

        BevLookupTable table = _fusion.Table;
        Assert.True(table.Grid.TryGetCell(10, 15, out int cell));
        Assert.Equal(1, table.SourceCount(cell));
        BevCellSource source = table.GetSource(cell, 0);
        Assert.Equal(_set.Map(HeadKind.Lanes, source.Camera)[source.MapPixelIndex], layers.Lanes[cell]);
    }

    [Fact]
    public void Fuse_OverlapCell_MergesBothCamerasByWeight()
    {
        // Uniform maps per camera make the overlap rule visible: narrow says 1, main says 0 everywhere.
        BevLookupTable table = _fusion.Table;
        int narrow = DefaultRigTable.Rig.IndexOf("narrow_forward");
        int main = DefaultRigTable.Rig.IndexOf("main_forward");
        _set.WritableMap(HeadKind.Lanes, narrow).Fill(1f);
        _set.WritableMap(HeadKind.Lanes, main).Clear();
        BevLayers layers = _fusion.CreateLayers();
        _fusion.Fuse(_set, layers);

        Assert.True(table.Grid.TryGetCell(30, 0, out int cell));
        BevCellSource best = table.GetSource(cell, 0);
        BevCellSource second = table.GetSource(cell, 1);
        Assert.Equal(narrow, best.Camera);
        Assert.Equal(main, second.Camera);
        Assert.Equal(best.Weight, layers.Lanes[cell], 6);
        Assert.InRange(layers.Lanes[cell], 0.5f, 0.9f);
    }

    [Fact]
    public void Fuse_TableOfAnotherShape_ThrowsNamingBothShapes()
    {
        PerceptionFrameSet other = DetachedSets.Create(DefaultRigTable.Rig, DefaultRigTable.MapWidth / 2, DefaultRigTable.MapHeight / 2);
        ArgumentException error = Assert.Throws<ArgumentException>(() => _fusion.Fuse(other, _fusion.CreateLayers()));
        Assert.Contains("48x36", error.Message, StringComparison.Ordinal);
        Assert.Contains("96x72", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fuse_LayersOfAnotherGrid_Throws() =>
        Assert.Throws<ArgumentException>(() => _fusion.Fuse(_set, new BevLayers(new BevGridOptions { CellSizeM = 0.5 })));
}
