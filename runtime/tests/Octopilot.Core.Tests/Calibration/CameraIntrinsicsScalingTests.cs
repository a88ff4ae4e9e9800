using Octopilot.Core.Calibration;
using Octopilot.Core.Geometry;
using Octopilot.Core.Tests.Infrastructure;

namespace Octopilot.Core.Tests.Calibration;

/// <summary>Scaling a camera to the capture mode must keep every world point on the same (scaled) spot of the image.</summary>
public class CameraIntrinsicsScalingTests
{
    [Theory]
    [InlineData("main_forward", 640, 480)]
    [InlineData("wide_forward", 320, 240)]
    [InlineData("rear", 1920, 1440)]
    public void ScaledTo_GroundPoint_LandsOnTheScaledPixel(string cameraName, int widthPx, int heightPx)
    {
        CameraRig rig = DefaultRig.Load();
        CameraCalibration full = rig[rig.IndexOf(cameraName)];
        CameraCalibration scaled = full.ScaledTo(widthPx, heightPx);
        double s = widthPx / 1280.0;
        Assert.True(full.TryPixelToGround(900.25, 800.75, out Vec3 ground));

        Assert.True(scaled.TryProjectEgoPoint(ground, out double u, out double v));

        // Pixel centres: the continuous image coordinate u + 0.5 scales with the image.
        Assert.Equal(((900.25 + 0.5) * s) - 0.5, u, 1e-6);
        Assert.Equal(((800.75 + 0.5) * s) - 0.5, v, 1e-6);
    }

    [Fact]
    public void ScaledTo_Half_HalvesFocalAndMapsPrincipalPointByPixelCentres()
    {
        var k = new CameraIntrinsics(1000, 900, 639.5, 479.5, LensDistortion.None, 1280, 960);

        CameraIntrinsics half = k.ScaledTo(640, 480);

        Assert.Equal(new CameraIntrinsics(500, 450, 319.5, 239.5, LensDistortion.None, 640, 480), half);
    }

    [Fact]
    public void ScaledTo_AnyScale_KeepsFieldOfView()
    {
        var k = new CameraIntrinsics(537, 537, 638, 480.5, new LensDistortion(-0.05, 0.002, 0, 0, 0), 1280, 960);

        Assert.Equal(k.HorizontalFovRad, k.ScaledTo(320, 240).HorizontalFovRad, 12);
        Assert.Equal(k.Distortion, k.ScaledTo(320, 240).Distortion);
    }
}
