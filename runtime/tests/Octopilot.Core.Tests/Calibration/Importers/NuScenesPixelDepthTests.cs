using Octopilot.Core.Calibration;
using Octopilot.Core.Calibration.Importers;
using Octopilot.Core.Geometry;
using Octopilot.Core.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Octopilot.Core.Tests.Calibration.Importers;

/// <summary>
/// Acceptance (issue 5), inverse direction on nuScenes: the labelled 2D centre plus the labelled depth (metres along
/// the camera z axis), put through <see cref="CameraCalibration.PixelDepthToEgo"/> of the imported camera, lands on the
/// labelled 3D centre within 2 % of its range from the camera. The labelled centre is in ego at the camera's capture
/// time (see <see cref="NuScenesSample.CameraBox.EgoMotion"/>), which is the frame the pixel and the depth belong to.
/// </summary>
public class NuScenesPixelDepthTests(ITestOutputHelper output)
{
    private const double ToleranceFractionOfRange = 0.02;

    [Fact]
    public void PixelDepthToEgo_Center2dAndDepth_RecoversLabelledCentresWithin2PercentOfRange()
    {
        CameraRig rig = NuScenesRigImporter.Load(NuScenesSample.InfoPath);
        NuScenesSample sample = NuScenesSample.Load();

        double worstFraction = 0, worstM = 0;
        foreach (NuScenesSample.CameraBox box in sample.CameraBoxes)
        {
            Vec3 labelledEgoM = sample.CentreEgoAtCameraTimeM(box);
            CameraCalibration camera = rig[rig.IndexOf(box.Camera)];

            Vec3 recoveredEgoM = camera.PixelDepthToEgo(box.Center2dUPx, box.Center2dVPx, box.DepthM);

            double rangeM = (labelledEgoM - camera.PositionInEgoM).Length;
            double errorM = (recoveredEgoM - labelledEgoM).Length;
            Assert.True(errorM <= ToleranceFractionOfRange * rangeM,
                $"{box.Camera}[{box.Index}]: recovered {recoveredEgoM}, labelled {labelledEgoM}, error {errorM:F3} m at range {rangeM:F1} m");
            worstFraction = Math.Max(worstFraction, errorM / rangeM);
            worstM = Math.Max(worstM, errorM);
        }

        output.WriteLine($"nuScenes: {sample.CameraBoxes.Count} boxes, worst error {worstM * 1000:F2} mm, worst {worstFraction * 100:F4} % of range");
    }
}
