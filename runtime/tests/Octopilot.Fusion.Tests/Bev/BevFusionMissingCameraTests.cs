using Octopilot.Fusion.Bev;
using Octopilot.Fusion.Tests.Infrastructure;
using Octopilot.Inference.Perception;

namespace Octopilot.Fusion.Tests.Bev;

/// <summary>A camera missing from the set: its cells fall back to the other source or become unknown, never stale.</summary>
public class BevFusionMissingCameraTests
{
    private readonly BevFusion _fusion = new(DefaultRigTable.Table);
    private readonly PerceptionFrameSet _set = DetachedSets.Create(DefaultRigTable.Rig, DefaultRigTable.MapWidth, DefaultRigTable.MapHeight);

    [Fact]
    public void Fuse_BothForwardCamerasMissing_FarAheadIsUnknown_RestIsKnown()
    {
        int narrow = DefaultRigTable.Rig.IndexOf("narrow_forward");
        int main = DefaultRigTable.Rig.IndexOf("main_forward");
        DetachedSets.FillDistinct(_set);
        DetachedSets.SetCamera(_set, narrow, present: false, lanesValid: false, drivableValid: false);
        DetachedSets.SetCamera(_set, main, present: false, lanesValid: false, drivableValid: false);
        BevLayers layers = _fusion.CreateLayers();
        _fusion.Fuse(_set, layers);

        BevGridOptions grid = _fusion.Table.Grid;
        Assert.True(grid.TryGetCell(60, 0, out int ahead));
        Assert.False(layers.LanesKnown[ahead]);
        Assert.False(layers.DrivableKnown[ahead]);
        Assert.Equal(0f, layers.Lanes[ahead]);
        Assert.True(grid.TryGetCell(0, 8, out int beside));
        Assert.True(layers.LanesKnown[beside]);
        Assert.Equal(0u, layers.LanesCameraMask & ((1u << narrow) | (1u << main)));
        AssertMatchesRule(layers, camera => camera != narrow && camera != main);
    }

    [Fact]
    public void Fuse_AfterCamerasReturn_CellsAreKnownAgain()
    {
        // Straight behind is seen by the rear camera and the repeaters; with all three gone it is uncovered.
        string[] rearward = ["rear", "left_repeater", "right_repeater"];
        DetachedSets.FillDistinct(_set);
        BevLayers layers = _fusion.CreateLayers();
        foreach (string name in rearward)
        {
            DetachedSets.SetCamera(_set, DefaultRigTable.Rig.IndexOf(name), present: false, lanesValid: false, drivableValid: false);
        }

        _fusion.Fuse(_set, layers);
        Assert.True(_fusion.Table.Grid.TryGetCell(-8, 0, out int behind));
        Assert.False(layers.LanesKnown[behind]);
        int knownWithout = layers.LanesKnownCellCount;

        foreach (string name in rearward)
        {
            DetachedSets.SetCamera(_set, DefaultRigTable.Rig.IndexOf(name), present: true, lanesValid: true, drivableValid: true);
        }

        _fusion.Fuse(_set, layers);

        Assert.True(layers.LanesKnown[behind]);
        Assert.True(layers.LanesKnownCellCount > knownWithout);
        AssertMatchesRule(layers, _ => true);
    }

    [Fact]
    public void Fuse_NoCameraPresent_EverythingUnknown()
    {
        for (int camera = 0; camera < DefaultRigTable.Rig.Count; camera++)
        {
            DetachedSets.SetCamera(_set, camera, present: false, lanesValid: false, drivableValid: false);
        }

        BevLayers layers = _fusion.CreateLayers();
        _fusion.Fuse(_set, layers);

        Assert.Equal(0, layers.LanesKnownCellCount);
        Assert.Equal(0, layers.DrivableKnownCellCount);
        Assert.DoesNotContain(true, layers.LanesKnown.ToArray());
    }

    private void AssertMatchesRule(BevLayers layers, Func<int, bool> cameraValid)
    {
        BevLookupTable table = _fusion.Table;
        int known = 0;
        for (int cell = 0; cell < table.CellCount; cell++)
        {
            (bool expectedKnown, float expected) = ExpectedFusion.Cell(table, cell, HeadKind.Lanes, cameraValid);
            Assert.Equal(expectedKnown, layers.LanesKnown[cell]);
            Assert.Equal(expected, layers.Lanes[cell], 6);
            known += expectedKnown ? 1 : 0;
        }

        Assert.Equal(known, layers.LanesKnownCellCount);
    }
}
