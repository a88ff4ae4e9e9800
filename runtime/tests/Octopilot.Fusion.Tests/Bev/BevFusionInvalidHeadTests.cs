using Octopilot.Fusion.Bev;
using Octopilot.Fusion.Tests.Infrastructure;
using Octopilot.Inference.Perception;

namespace Octopilot.Fusion.Tests.Bev;

/// <summary>NaN in one camera's head (the decoder marks that head invalid): that camera is ignored for that head only.</summary>
public class BevFusionInvalidHeadTests
{
    [Fact]
    public void Fuse_NaNInNarrowLanes_LanesFromOtherCamera_DrivableStillMerged_NoNaNOut()
    {
        var fusion = new BevFusion(DefaultRigTable.Table);
        PerceptionFrameSet set = DetachedSets.Create(DefaultRigTable.Rig, DefaultRigTable.MapWidth, DefaultRigTable.MapHeight);
        int narrow = DefaultRigTable.Rig.IndexOf("narrow_forward");
        DetachedSets.FillDistinct(set);
        set.WritableMap(HeadKind.Lanes, narrow).Fill(float.NaN);
        DetachedSets.SetCamera(set, narrow, present: true, lanesValid: false, drivableValid: true);
        BevLayers layers = fusion.CreateLayers();
        fusion.Fuse(set, layers);

        BevLookupTable table = fusion.Table;
        Assert.True(table.Grid.TryGetCell(40, 0, out int ahead));
        Assert.Equal(2, table.SourceCount(ahead));
        BevCellSource other = table.GetSource(ahead, 1);
        Assert.NotEqual(narrow, other.Camera);
        Assert.True(layers.LanesKnown[ahead]);
        Assert.Equal(set.Map(HeadKind.Lanes, other.Camera)[other.MapPixelIndex], layers.Lanes[ahead]);
        Assert.Equal(ExpectedFusion.Cell(table, ahead, HeadKind.Drivable, _ => true).Value, layers.Drivable[ahead], 6);
        Assert.Equal(0u, layers.LanesCameraMask & (1u << narrow));
        Assert.NotEqual(0u, layers.DrivableCameraMask & (1u << narrow));
        foreach (float value in layers.Lanes)
        {
            Assert.True(float.IsFinite(value));
        }
    }
}
