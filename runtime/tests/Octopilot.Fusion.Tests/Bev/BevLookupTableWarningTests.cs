using Octopilot.Core.Calibration;
using Octopilot.Core.Geometry;
using Octopilot.Fusion.Bev;
using Octopilot.Fusion.Tests.Infrastructure;

namespace Octopilot.Fusion.Tests.Bev;

public class BevLookupTableWarningTests
{
    [Fact]
    public void CameraLookingAtTheSky_WarnsNamingIt_OthersStillFused()
    {
        const int Sky = 3;
        CameraCalibration original = DefaultRigTable.Rig[Sky];
        var skyward = new CameraCalibration(
            original.Name, original.Intrinsics,
            new RigidTransform(CameraAxes.FromYawPitchRoll(0, -40 * Math.PI / 180, 0), original.PositionInEgoM));
        var cameras = DefaultRigTable.Rig.Cameras.ToArray();
        cameras[Sky] = skyward;

        BevLookupTable table = BevLookupTable.Build(
            new CameraRig("sky", cameras), new BevGridOptions(), DefaultRigTable.MapWidth, DefaultRigTable.MapHeight, DefaultRigTable.StridePx);

        BevStartupWarning warning = Assert.Single(table.Warnings);
        Assert.Equal(BevWarningKind.CameraSeesNoGround, warning.Kind);
        Assert.Equal(Sky, warning.Camera);
        Assert.Contains(original.Name, warning.Message, StringComparison.Ordinal);
        Assert.Equal(0, table.CameraSeenCellCount(Sky));
        Assert.True(table.CameraUsedCellCount(0) > 0);
    }

    [Fact]
    public void RigNotScaledToCapture_ThrowsNamingSizes()
    {
        CameraRig unscaled = RigFile.Load(Octopilot.Testing.RepositoryPaths.DefaultRig);
        ArgumentException error = Assert.Throws<ArgumentException>(
            () => BevLookupTable.Build(unscaled, new BevGridOptions(), DefaultRigTable.MapWidth, DefaultRigTable.MapHeight, DefaultRigTable.StridePx));
        Assert.Contains("1280x960", error.Message, StringComparison.Ordinal);
        Assert.Contains("ScaledTo", error.Message, StringComparison.Ordinal);
    }
}
