using Octopilot.Core.Geometry;
using Octopilot.Core.Tests.Infrastructure;

namespace Octopilot.Core.Tests.Geometry;

/// <summary>Camera frame (x right, y down, z forward) to ISO 8855 ego frame (x forward, y left, z up).</summary>
public class CameraAxesTests
{
    private static readonly Vec3 CameraRight = new(1, 0, 0);
    private static readonly Vec3 CameraDown = new(0, 1, 0);
    private static readonly Vec3 CameraForward = new(0, 0, 1);

    [Fact]
    public void FromYawPitchRoll_ZeroAngles_MapsCameraAxesToEgoAxes()
    {
        Mat3 r = CameraAxes.FromYawPitchRoll(0, 0, 0);

        GeometryAssert.Equal(new Vec3(1, 0, 0), r * CameraForward, 1e-15);
        GeometryAssert.Equal(new Vec3(0, -1, 0), r * CameraRight, 1e-15);
        GeometryAssert.Equal(new Vec3(0, 0, -1), r * CameraDown, 1e-15);
        GeometryAssert.Equal(CameraAxes.ForwardLooking, r, 0);
    }

    [Fact]
    public void FromYawPitchRoll_Yaw90_LooksLeft()
    {
        Mat3 r = CameraAxes.FromYawPitchRoll(Math.PI / 2, 0, 0);

        GeometryAssert.Equal(new Vec3(0, 1, 0), r * CameraForward, 1e-15);
        GeometryAssert.Equal(new Vec3(1, 0, 0), r * CameraRight, 1e-15);
        GeometryAssert.Equal(new Vec3(0, 0, -1), r * CameraDown, 1e-15);
    }

    [Fact]
    public void FromYawPitchRoll_PositivePitch_LooksDown()
    {
        double pitch = 10 * Cameras.DegToRad;

        Vec3 axis = CameraAxes.FromYawPitchRoll(0, pitch, 0) * CameraForward;

        GeometryAssert.Equal(new Vec3(Math.Cos(pitch), 0, -Math.Sin(pitch)), axis, 1e-15);
    }

    [Fact]
    public void FromYawPitchRoll_YawThenPitch_PitchStaysAboutTheCameraOwnHorizontalAxis()
    {
        // A left-looking camera pitched down 10° still looks left, 10° down, and its image rows stay level.
        double pitch = 10 * Cameras.DegToRad;
        Mat3 r = CameraAxes.FromYawPitchRoll(Math.PI / 2, pitch, 0);

        GeometryAssert.Equal(new Vec3(0, Math.Cos(pitch), -Math.Sin(pitch)), r * CameraForward, 1e-15);
        Assert.Equal(0, (r * CameraRight).Z, 15);
    }

    [Fact]
    public void FromYawPitchRoll_Roll_KeepsOpticalAxisAndTiltsImageRows()
    {
        Mat3 r = CameraAxes.FromYawPitchRoll(0, 0, 5 * Cameras.DegToRad);

        GeometryAssert.Equal(new Vec3(1, 0, 0), r * CameraForward, 1e-15);
        Assert.NotEqual(0, (r * CameraRight).Z, 6);
    }

    [Theory]
    [InlineData(55, 6, 0)]
    [InlineData(-150, 5, 3)]
    [InlineData(180, 12, -7)]
    public void FromYawPitchRoll_AnyAngles_IsProperRotation(double yawDeg, double pitchDeg, double rollDeg)
    {
        Mat3 r = CameraAxes.FromYawPitchRoll(yawDeg * Cameras.DegToRad, pitchDeg * Cameras.DegToRad, rollDeg * Cameras.DegToRad);

        Assert.True(r.OrthonormalityError() < 1e-14);
        Assert.Equal(1, r.Determinant, 14);
    }
}
