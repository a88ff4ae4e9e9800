using Octopilot.Core.Calibration;
using Octopilot.Core.Calibration.Importers;
using Octopilot.Core.Geometry;
using Octopilot.Core.Tests.Infrastructure;

namespace Octopilot.Core.Tests.Calibration.Importers;

/// <summary>The real nuScenes sample loads as six surround cameras whose numbers look like the nuScenes car.</summary>
public class NuScenesRigImporterRealSampleTests
{
    [Fact]
    public void Load_RealSample_SixCamerasInFileOrderWithPlausibleValues()
    {
        CameraRig rig = NuScenesRigImporter.Load(NuScenesSample.InfoPath);

        Assert.Equal(["CAM_FRONT", "CAM_FRONT_RIGHT", "CAM_FRONT_LEFT", "CAM_BACK", "CAM_BACK_LEFT", "CAM_BACK_RIGHT"],
            rig.Cameras.Select(c => c.Name));
        Assert.Equal("nuscenes-ca9a282c9e77460f8360f564131a8af5", rig.Name);
        foreach (CameraCalibration camera in rig.Cameras)
        {
            Assert.Equal((1600, 900), (camera.Intrinsics.WidthPx, camera.Intrinsics.HeightPx));
            Assert.InRange(camera.Intrinsics.FxPx, 800, 1300);
            Assert.True(camera.Intrinsics.Distortion.IsZero);
            Assert.InRange(camera.PositionInEgoM.Z, 1.4, 1.7);
            Assert.InRange(camera.CameraToEgo.Rotation.OrthonormalityError(), 0, 1e-12);
        }

        // CAM_FRONT looks along ego +x, CAM_BACK along −x; both image rows run downwards (camera y → ego −z).
        Vec3 frontAxis = rig[rig.IndexOf("CAM_FRONT")].CameraToEgo.ApplyToDirection(new Vec3(0, 0, 1));
        Vec3 backAxis = rig[rig.IndexOf("CAM_BACK")].CameraToEgo.ApplyToDirection(new Vec3(0, 0, 1));
        Assert.True(frontAxis.X > 0.99, $"CAM_FRONT optical axis in ego {frontAxis}");
        Assert.True(backAxis.X < -0.99, $"CAM_BACK optical axis in ego {backAxis}");
        Assert.True(rig[0].CameraToEgo.ApplyToDirection(new Vec3(0, 1, 0)).Z < -0.99);
        GeometryAssert.Equal(new Vec3(1.7008, 0.0159, 1.5110), rig[0].PositionInEgoM, 1e-4);
        Assert.Equal(1266.417203046554, rig[0].Intrinsics.FxPx);
    }
}
