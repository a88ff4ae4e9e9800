using Octopilot.Core.Geometry;
using Octopilot.Core.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Octopilot.Core.Tests.Calibration.Importers;

/// <summary>
/// The nuScenes labels are at LiDAR time and each camera fires at its own time: the file's transforms imply a small
/// ego motion per camera (a car driving at city speed), never a large one. Guards the assumption the geometry tests make.
/// </summary>
public class NuScenesEgoMotionTests(ITestOutputHelper output)
{
    [Fact]
    public void EgoMotion_BetweenLidarAndCameraTime_IsSmallRigidMotion()
    {
        NuScenesSample sample = NuScenesSample.Load();

        foreach (var perCamera in sample.CameraBoxes.GroupBy(b => b.Camera))
        {
            RigidTransform motion = perCamera.First().EgoMotion;
            double yawDeg = Math.Atan2(motion.Rotation.M10, motion.Rotation.M00) * 180 / Math.PI;
            output.WriteLine($"{perCamera.Key}: ego moved {motion.TranslationM} m, yaw {yawDeg:F3} deg");
            Assert.InRange(motion.TranslationM.Length, 0, 1.0);
            Assert.InRange(Math.Abs(yawDeg), 0, 2.0);
        }
    }
}
