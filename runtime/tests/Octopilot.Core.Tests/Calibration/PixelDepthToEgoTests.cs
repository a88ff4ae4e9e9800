using Octopilot.Core.Calibration;
using Octopilot.Core.Geometry;
using Octopilot.Core.Tests.Infrastructure;

namespace Octopilot.Core.Tests.Calibration;

/// <summary>Pixel + depth along the optical axis → ego point, the inverse a detection with a depth output uses.</summary>
public class PixelDepthToEgoTests
{
    [Fact]
    public void PixelDepthToEgo_PrincipalPoint_PointStraightAheadAtThatDepth()
    {
        CameraCalibration camera = Cameras.Pinhole(new Vec3(1.5, 0, 1.4));

        Vec3 point = camera.PixelDepthToEgo(319.5, 239.5, 20);

        GeometryAssert.Equal(new Vec3(21.5, 0, 1.4), point, 1e-12);
    }

    [Fact]
    public void PixelDepthToEgo_DepthIsAlongZNotAlongTheRay()
    {
        CameraCalibration camera = Cameras.Pinhole(new Vec3(0, 0, 1));

        // 500 px left of centre at f = 500 px is 45°: depth 10 m means 10 m ahead and 10 m to the left.
        Vec3 point = camera.PixelDepthToEgo(319.5 - 500, 239.5, 10);

        GeometryAssert.Equal(new Vec3(10, 10, 1), point, 1e-12);
    }

    [Fact]
    public void PixelDepthToEgo_DistortedLens_InvertsTryProjectEgoPoint()
    {
        var camera = new CameraCalibration("wide", new CameraIntrinsics(300, 300, 320, 240, new LensDistortion(-0.05, 0.002, 0.001, -0.0005, 0), 640, 480),
            new RigidTransform(CameraAxes.FromYawPitchRoll(0.4, 0.1, 0), new Vec3(1, 0.5, 1.3)));
        var pointEgo = new Vec3(12, 6, 0.4);
        Assert.True(camera.TryProjectEgoPoint(pointEgo, out double u, out double v));

        Vec3 back = camera.PixelDepthToEgo(u, v, camera.EgoToCamera.Apply(pointEgo).Z);

        GeometryAssert.Equal(pointEgo, back, 1e-8);
    }
}
