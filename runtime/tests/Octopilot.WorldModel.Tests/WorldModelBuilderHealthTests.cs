namespace Octopilot.WorldModel.Tests;

/// <summary>Per-side camera health and uncovered sectors, from which cameras actually delivered in a set.</summary>
public class WorldModelBuilderHealthTests
{
    [Fact]
    public void AllCameras_EverySideHealthy_EverySectorCovered()
    {
        var scene = new WorldModelScene();
        scene.Step(0);
        Assert.True(scene.Snapshot.IsValid);
        Assert.True(scene.Snapshot.FrontCamerasHealthy);
        Assert.True(scene.Snapshot.LeftCamerasHealthy);
        Assert.True(scene.Snapshot.RightCamerasHealthy);
        foreach (CoverageSector sector in Enum.GetValues<CoverageSector>())
        {
            Assert.True(scene.Builder.Coverage.VisibleCellCount(sector) > 0, $"the default rig is blind in sector {sector}");
            Assert.Equal(1f, scene.Builder.Coverage.CoveredFraction(sector));
        }
    }

    [Fact]
    public void LeftPillarAndRepeaterMissing_LeftUnhealthy_LeftSectorUncovered_OtherSidesHealthy()
    {
        var scene = new WorldModelScene();
        scene.Step(0, WorldModelScene.Mask("left_pillar", "left_repeater"));
        Assert.True(scene.Snapshot.IsValid);
        Assert.False(scene.Snapshot.LeftCamerasHealthy);
        Assert.True(scene.Snapshot.RightCamerasHealthy);
        Assert.True(scene.Snapshot.FrontCamerasHealthy);
        Assert.True(scene.Builder.Coverage.CoveredFraction(CoverageSector.Left) < 0.5f,
            $"left sector still {scene.Builder.Coverage.CoveredFraction(CoverageSector.Left):P0} covered");
        Assert.Equal(1f, scene.Builder.Coverage.CoveredFraction(CoverageSector.Right));
    }

    [Fact]
    public void ForwardCamerasMissing_FrontUnhealthy()
    {
        var scene = new WorldModelScene();
        scene.Step(0, WorldModelScene.Mask("main_forward", "narrow_forward", "wide_forward"));
        Assert.False(scene.Snapshot.FrontCamerasHealthy);
        Assert.True(scene.Snapshot.LeftCamerasHealthy && scene.Snapshot.RightCamerasHealthy);
    }

    [Fact]
    public void OneOfOverlappingForwardCamerasMissing_FrontStillHealthy()
    {
        var scene = new WorldModelScene();
        scene.Step(0, WorldModelScene.Mask("narrow_forward"));
        Assert.True(scene.Snapshot.FrontCamerasHealthy);
    }

    [Fact]
    public void NoCameraAtAll_SnapshotInvalid_Counted()
    {
        var scene = new WorldModelScene();
        scene.Step(0);
        long stamp = scene.Snapshot.TimestampNs;
        scene.Step(1, uint.MaxValue >> (32 - Fusion.Tests.Infrastructure.OracleScene.Rig.Count));
        Assert.False(scene.Snapshot.IsValid);
        Assert.Equal(0, scene.Snapshot.Objects.Count);
        Assert.False(scene.Snapshot.EgoCentreLine.IsPresent);
        Assert.Equal(stamp, scene.Snapshot.TimestampNs);
        Assert.Equal(1, scene.Builder.SetsWithoutCameras);
    }
}
