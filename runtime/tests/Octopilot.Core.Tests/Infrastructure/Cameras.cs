using Octopilot.Core.Calibration;
using Octopilot.Core.Geometry;

namespace Octopilot.Core.Tests.Infrastructure;

/// <summary>Hand-built cameras for geometry checks, independent of the rig file.</summary>
internal static class Cameras
{
    public const double DegToRad = Math.PI / 180;

    /// <summary>A 640x480 pinhole (f = 500 px, principal point at the image centre) mounted at (x, y, z) with the given angles.</summary>
    public static CameraCalibration Pinhole(Vec3 positionEgoM, double yawDeg = 0, double pitchDeg = 0, double rollDeg = 0) =>
        new("test", new CameraIntrinsics(500, 500, 319.5, 239.5, LensDistortion.None, 640, 480),
            new RigidTransform(CameraAxes.FromYawPitchRoll(yawDeg * DegToRad, pitchDeg * DegToRad, rollDeg * DegToRad), positionEgoM));
}
