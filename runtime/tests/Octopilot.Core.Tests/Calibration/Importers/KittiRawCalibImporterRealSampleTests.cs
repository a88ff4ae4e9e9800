using Octopilot.Testing;
using Octopilot.Core.Calibration;
using Octopilot.Core.Calibration.Importers;
using Octopilot.Core.Geometry;
using Octopilot.Core.Tests.Infrastructure;

namespace Octopilot.Core.Tests.Calibration.Importers;

/// <summary>The real KITTI raw calib_cam_to_cam (2011_09_26) in both its rectified and unrectified forms.</summary>
public class KittiRawCalibImporterRealSampleTests
{
    private static string CalibPath => SharedData.File("kitti-raw-calib", "calib_cam_to_cam_2011_09_26.txt");

    [Fact]
    public void Load_Rectified_FourCamerasWithStereoBaselines()
    {
        CameraRig rig = KittiRawCalibImporter.Load(CalibPath, KittiRawImages.Rectified);

        Assert.Equal(["image_00", "image_01", "image_02", "image_03"], rig.Cameras.Select(c => c.Name));
        Assert.All(rig.Cameras, c => Assert.Equal((1242, 375, 721.5377), (c.Intrinsics.WidthPx, c.Intrinsics.HeightPx, c.Intrinsics.FxPx)));
        Assert.All(rig.Cameras, c => Assert.True(c.Intrinsics.Distortion.IsZero));

        // Grey pair 0.53715 m (P_rect_01: 387.5744 / 721.5377), colour pair about 0.54 m, colour camera 2 is 0.06 m left of camera 0 (T_02).
        Assert.InRange((rig[0].PositionInEgoM - rig[1].PositionInEgoM).Length, 0.53714, 0.53716);
        Assert.InRange((rig[2].PositionInEgoM - rig[3].PositionInEgoM).Length, 0.53, 0.55);
        Assert.InRange(rig[2].PositionInEgoM.Y - rig[0].PositionInEgoM.Y, 0.05, 0.07);
    }

    [Fact]
    public void Load_Unrectified_DistortionAndSizeFromTheFile()
    {
        CameraRig rig = KittiRawCalibImporter.Load(CalibPath, KittiRawImages.Unrectified);

        Assert.Equal(4, rig.Count);
        CameraIntrinsics k0 = rig[0].Intrinsics;
        Assert.Equal((1392, 512, 984.2439, 980.8141, 690.0, 233.1966), (k0.WidthPx, k0.HeightPx, k0.FxPx, k0.FyPx, k0.CxPx, k0.CyPx));
        Assert.Equal(new LensDistortion(-0.3728755, 0.2037299, 0.002219027, 0.001383707, -0.07233722), k0.Distortion);

        // Camera 00 is the reference: it sits exactly at the pose given (here the nominal one).
        GeometryAssert.Equal(KittiConventions.NominalReferenceCameraToEgo.TranslationM, rig[0].PositionInEgoM, 1e-9);
        Assert.InRange((rig[0].PositionInEgoM - rig[1].PositionInEgoM).Length, 0.53, 0.55);
    }

    [Fact]
    public void Load_GivenReferencePose_CameraZeroTakesIt()
    {
        var pose = new RigidTransform(CameraAxes.FromYawPitchRoll(0, 0.02, 0), new Vec3(1.0, 0.1, 1.7));

        CameraRig rig = KittiRawCalibImporter.Load(CalibPath, KittiRawImages.Unrectified, pose);

        GeometryAssert.Equal(pose.TranslationM, rig[0].PositionInEgoM, 1e-9);
        GeometryAssert.Equal(pose.Rotation, rig[0].CameraToEgo.Rotation, 1e-6);
    }
}
