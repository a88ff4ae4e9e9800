using Octopilot.Core.Calibration;
using Octopilot.Core.Geometry;
using Octopilot.Core.Tests.Infrastructure;

namespace Octopilot.Core.Tests.Calibration;

/// <summary>Projection checked against numbers worked out by hand from the pinhole model, not by the code under test.</summary>
public class ProjectionHandComputedTests
{
    [Theory]
    [InlineData(1.4, 10.0)]
    [InlineData(1.0, 3.0)]
    [InlineData(2.2, 25.0)]
    public void TryPixelToGround_PrincipalPointOfPitchedCamera_HitsGroundAtHeightOverTanPitch(double heightM, double pitchDeg)
    {
        CameraCalibration camera = Cameras.Pinhole(new Vec3(1.5, 0.3, heightM), pitchDeg: pitchDeg);
        double expectedDistanceM = heightM / Math.Tan(pitchDeg * Cameras.DegToRad);

        Assert.True(camera.TryPixelToGround(319.5, 239.5, out Vec3 ground));

        GeometryAssert.Equal(new Vec3(1.5 + expectedDistanceM, 0.3, 0), ground, 1e-9);
    }

    [Fact]
    public void TryProjectEgoPoint_LevelCamera_OffsetsScaleWithFocalLengthOverRange()
    {
        // Level camera: a point 10 m ahead, 1 m left and 0.5 m below lands f·(1/10) px left of and f·(0.5/10) px below centre.
        CameraCalibration camera = Cameras.Pinhole(new Vec3(2, 0, 1.5));

        Assert.True(camera.TryProjectEgoPoint(new Vec3(12, 1, 1.0), out double u, out double v));

        Assert.Equal(319.5 - 50, u, 9);
        Assert.Equal(239.5 + 25, v, 9);
    }

    [Fact]
    public void TryProjectEgoPoint_CameraYawedLeft_SeesPointsOnTheLeft()
    {
        CameraCalibration camera = Cameras.Pinhole(new Vec3(0, 0, 1), yawDeg: 90);

        Assert.True(camera.TryProjectEgoPoint(new Vec3(0, 20, 1), out double u, out double v));
        Assert.False(camera.TryProjectEgoPoint(new Vec3(20, 0, 1), out _, out _));

        Assert.Equal(319.5, u, 9);
        Assert.Equal(239.5, v, 9);
    }

    [Theory]
    [InlineData(-5.0)]
    [InlineData(0.0)]
    [InlineData(0.005)]
    public void TryProjectEgoPoint_PointBehindOrAtTheLens_Refused(double aheadM)
    {
        CameraCalibration camera = Cameras.Pinhole(new Vec3(2, 0, 1.5));

        bool projected = camera.TryProjectEgoPoint(new Vec3(2 + aheadM, 0.2, 1.5), out double u, out double v);

        Assert.False(projected);
        Assert.True(double.IsNaN(u) && double.IsNaN(v));
    }

    [Fact]
    public void TryProjectEgoPoint_RearCamera_RefusesPointAheadOfTheCar()
    {
        CameraRig rig = DefaultRig.Load();
        CameraCalibration rear = rig[rig.IndexOf("rear")];

        Assert.False(rear.TryProjectEgoPoint(new Vec3(20, 0, 0), out _, out _));
        Assert.True(rear.TryProjectEgoPoint(new Vec3(-20, 0, 0), out _, out _));
    }

    [Fact]
    public void TryPixelToGround_PixelAboveHorizon_Refused()
    {
        CameraCalibration camera = Cameras.Pinhole(new Vec3(2, 0, 1.5), pitchDeg: 5);

        // Top row: 239.5 px above centre = 25.6° up, far above a 5° pitch.
        Assert.False(camera.TryPixelToGround(319.5, 0, out _));
    }
}
