using Octopilot.Core.Calibration;
using Octopilot.Core.Calibration.Importers;
using Octopilot.Core.Geometry;
using Octopilot.Core.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Octopilot.Core.Tests.Calibration.Importers;

/// <summary>
/// Acceptance (issue 5), forward direction on nuScenes: every labelled 3D box centre projects through the imported
/// camera (quaternion pose + K) onto the label's <c>center_2d</c> within 1 px. <c>center_2d</c> is the projected 3D
/// centre (mmdet3d), the quantity that can be compared exactly; the 2D <c>bbox</c> is the image-clipped hull of the
/// projected corners, whose centre is not the projected centre under perspective, so it is not used.
/// The centres come from the LiDAR-frame labels moved to ego by <c>lidar2ego</c> and then to ego at the camera's
/// capture time (<see cref="NuScenesSample.CameraBox.EgoMotion"/>): without that step the car's motion between
/// sweep and exposure shows up as pixels, which the test measures and reports as well.
/// </summary>
public class NuScenesBoxCentreProjectionTests(ITestOutputHelper output)
{
    private const double TolerancePx = 1.0;

    [Fact]
    public void TryProjectEgoPoint_LabelledBoxCentres_LandOnCenter2dWithin1Px()
    {
        CameraRig rig = NuScenesRigImporter.Load(NuScenesSample.InfoPath);
        NuScenesSample sample = NuScenesSample.Load();
        Assert.Equal(84, sample.CameraBoxes.Count);

        double worstPx = 0, worstWithoutMotionPx = 0;
        foreach (NuScenesSample.CameraBox box in sample.CameraBoxes)
        {
            CameraCalibration camera = rig[rig.IndexOf(box.Camera)];

            double errorPx = ErrorPx(camera, sample.CentreEgoAtCameraTimeM(box), box);
            Assert.True(errorPx <= TolerancePx, $"{box.Camera}[{box.Index}]: centre lands {errorPx:F3} px from center_2d");
            worstPx = Math.Max(worstPx, errorPx);
            worstWithoutMotionPx = Math.Max(worstWithoutMotionPx, ErrorPx(camera, sample.CentreEgoAtLidarTimeM(box), box));
        }

        output.WriteLine($"nuScenes: {sample.CameraBoxes.Count} boxes in 6 cameras, worst centre error {worstPx:F4} px " +
            $"({worstWithoutMotionPx:F2} px if the ego motion between LiDAR and camera time is ignored)");
    }

    private static double ErrorPx(CameraCalibration camera, Vec3 centreEgoM, NuScenesSample.CameraBox box)
    {
        Assert.True(camera.TryProjectEgoPoint(centreEgoM, out double u, out double v), $"{box.Camera}[{box.Index}] behind the camera");
        return Math.Sqrt(((u - box.Center2dUPx) * (u - box.Center2dUPx)) + ((v - box.Center2dVPx) * (v - box.Center2dVPx)));
    }
}
