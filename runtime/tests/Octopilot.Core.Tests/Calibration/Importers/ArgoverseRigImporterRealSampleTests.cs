using Octopilot.Testing;
using Octopilot.Core.Calibration;
using Octopilot.Core.Calibration.Importers;
using Octopilot.Core.Geometry;
using Octopilot.Core.Tests.Infrastructure;

namespace Octopilot.Core.Tests.Calibration.Importers;

/// <summary>The real Argoverse 1 calibration loads as 7 ring + 2 stereo cameras around the car.</summary>
public class ArgoverseRigImporterRealSampleTests
{
    [Fact]
    public void Load_RealCalibration_NineCamerasInCanonicalOrderCoveringAllAround()
    {
        CameraRig rig = ArgoverseRigImporter.Load(SharedData.File("argoverse-calib", "vehicle_calibration_info.json"));

        Assert.Equal(ArgoverseRigImporter.CanonicalOrder, rig.Cameras.Select(c => c.Name));
        foreach (CameraCalibration camera in rig.Cameras)
        {
            bool ring = camera.Name.StartsWith("ring_", StringComparison.Ordinal);
            Assert.Equal(ring ? (1920, 1200) : (2464, 2056), (camera.Intrinsics.WidthPx, camera.Intrinsics.HeightPx));
            Assert.InRange(camera.Intrinsics.FxPx, ring ? 1300 : 3500, ring ? 1500 : 3800);
            Assert.InRange(camera.PositionInEgoM.Z, 1.2, 1.6);
            Assert.False(camera.Intrinsics.Distortion.IsZero);
            Assert.Equal(0, camera.Intrinsics.Distortion.P1);
        }

        // Ring optical axes, clockwise from the front: yaw (left-positive) falls steadily through a full turn.
        double[] yawDeg = rig.Cameras.Take(7)
            .Select(c => c.CameraToEgo.ApplyToDirection(new Vec3(0, 0, 1)))
            .Select(a => Math.Atan2(a.Y, a.X) * 180 / Math.PI).ToArray();
        Assert.InRange(yawDeg[0], -5, 5);
        for (int i = 1; i < 7; i++)
        {
            double step = ((yawDeg[i - 1] - yawDeg[i]) + 360) % 360;
            Assert.InRange(step, 30, 75);
        }
    }
}
