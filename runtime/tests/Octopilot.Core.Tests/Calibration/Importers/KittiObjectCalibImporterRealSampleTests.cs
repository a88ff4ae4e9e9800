using Octopilot.Testing;
using Octopilot.Core.Calibration;
using Octopilot.Core.Calibration.Importers;
using Octopilot.Core.Geometry;
using Octopilot.Core.Tests.Infrastructure;

namespace Octopilot.Core.Tests.Calibration.Importers;

/// <summary>The three real KITTI object calibrations load as the four-camera KITTI rig at its known mounting.</summary>
public class KittiObjectCalibImporterRealSampleTests
{
    public static TheoryData<string> Frames() => new("000000", "000001", "000002");

    [Theory]
    [MemberData(nameof(Frames))]
    public void Load_RealFrame_FourForwardCamerasAtKittiMounting(string frame)
    {
        (int width, int height) = PngSize.Read(SharedData.File("kitti-object-samples", $"image_2/{frame}.png"));

        CameraRig rig = KittiObjectCalibImporter.Load(SharedData.File("kitti-object-samples", $"calib/{frame}.txt"), width, height);

        Assert.Equal(["image_0", "image_1", "image_2", "image_3"], rig.Cameras.Select(c => c.Name));
        foreach (CameraCalibration camera in rig.Cameras)
        {
            Assert.InRange(camera.Intrinsics.FxPx, 700, 730);
            // Cameras 1.65 m up and 0.27 m ahead of the Velodyne (KITTI set-up), looking along ego +x.
            Assert.InRange(camera.PositionInEgoM.Z, 1.60, 1.70);
            Assert.InRange(camera.PositionInEgoM.X, 0.2, 0.35);
            Assert.True(camera.CameraToEgo.ApplyToDirection(new Vec3(0, 0, 1)).X > 0.999);
        }

        // Colour stereo pair: image_3 sits about 0.54 m to the right of image_2 (KITTI baseline).
        Vec3 baseline = rig[2].PositionInEgoM - rig[3].PositionInEgoM;
        Assert.InRange(baseline.Y, 0.52, 0.56);
        Assert.InRange(Math.Abs(baseline.X) + Math.Abs(baseline.Z), 0, 0.01);
    }
}
