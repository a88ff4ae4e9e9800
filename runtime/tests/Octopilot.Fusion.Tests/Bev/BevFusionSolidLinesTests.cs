using Octopilot.Fusion.Bev;
using Octopilot.Fusion.Tests.Infrastructure;
using Octopilot.Inference.Perception;

namespace Octopilot.Fusion.Tests.Bev;

/// <summary>The optional solid-lines head is fused like lanes when cameras have it, and is all unknown when none does.</summary>
public class BevFusionSolidLinesTests
{
    private readonly BevFusion _fusion = new(DefaultRigTable.Table);
    private readonly PerceptionFrameSet _set = DetachedSets.Create(DefaultRigTable.Rig, DefaultRigTable.MapWidth, DefaultRigTable.MapHeight);

    [Fact]
    public void Fuse_SolidLinesValidEverywhere_EveryCellIsTheWeightedMeanOfItsSources()
    {
        DetachedSets.FillDistinct(_set);
        BevLayers layers = _fusion.CreateLayers();

        _fusion.Fuse(_set, layers);

        BevLookupTable table = _fusion.Table;
        for (int cell = 0; cell < table.CellCount; cell++)
        {
            (bool known, float solid) = ExpectedFusion.Cell(table, cell, HeadKind.SolidLines, _ => true);
            Assert.Equal(known, layers.SolidLinesKnown[cell]);
            Assert.Equal(solid, layers.SolidLines[cell], 1e-6);
        }

        Assert.Equal(0xFFu, layers.SolidLinesCameraMask);
        Assert.Equal(layers.LanesKnownCellCount, layers.SolidLinesKnownCellCount);
    }

    [Fact]
    public void Fuse_NoCameraHasSolidLines_LayerAllUnknownAndZeroLanesUnchanged()
    {
        DetachedSets.FillDistinct(_set);
        BevLayers layers = _fusion.CreateLayers();
        _fusion.Fuse(_set, layers); // first a set with the head, so stale values would show
        for (int camera = 0; camera < _set.Cameras.Count; camera++)
        {
            DetachedSets.SetCamera(_set, camera, present: true, lanesValid: true, drivableValid: true, solidLinesValid: false);
        }

        _fusion.Fuse(_set, layers);

        Assert.Equal(0u, layers.SolidLinesCameraMask);
        Assert.Equal(0, layers.SolidLinesKnownCellCount);
        Assert.DoesNotContain(true, layers.SolidLinesKnown.ToArray());
        Assert.DoesNotContain(layers.SolidLines.ToArray(), v => v != 0f);
        Assert.Equal(0xFFu, layers.LanesCameraMask);
        Assert.Equal(_fusion.Table.CellCount - _fusion.Table.UncoveredCellCount, layers.LanesKnownCellCount);
    }

    [Fact]
    public void Fuse_OneCameraLacksSolidLines_OnlyItsCellsGoUnknownInThatLayer()
    {
        DetachedSets.FillDistinct(_set);
        int narrow = DefaultRigTable.Rig.IndexOf("narrow_forward");
        DetachedSets.SetCamera(_set, narrow, present: true, lanesValid: true, drivableValid: true, solidLinesValid: false);
        BevLayers layers = _fusion.CreateLayers();

        _fusion.Fuse(_set, layers);

        BevLookupTable table = _fusion.Table;
        for (int cell = 0; cell < table.CellCount; cell++)
        {
            (bool known, float solid) = ExpectedFusion.Cell(table, cell, HeadKind.SolidLines, camera => camera != narrow);
            Assert.Equal(known, layers.SolidLinesKnown[cell]);
            Assert.Equal(solid, layers.SolidLines[cell], 1e-6);
        }

        Assert.Equal(0xFFu & ~(1u << narrow), layers.SolidLinesCameraMask);
    }
}
