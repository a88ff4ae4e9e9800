using Octopilot.Core.Calibration;
using Octopilot.Core.Geometry;
using Octopilot.Core.Tests.Infrastructure;

namespace Octopilot.Core.Tests.Calibration;

/// <summary>
/// Pixel → ray (or ground point) → pixel must come back to the same pixel for every camera of the shipped rig,
/// distorted lenses included: the BEV lookup tables and the renderer both rely on it.
/// </summary>
public class ProjectionRoundTripTests
{
    private const double TolerancePx = 1e-6;

    public static TheoryData<string> DefaultRigCameras() =>
        new(DefaultRig.Load().Cameras.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(DefaultRigCameras))]
    public void TryProjectEgoPoint_PointOnPixelRay_ReturnsThatPixel(string cameraName)
    {
        CameraCalibration camera = Camera(cameraName);

        foreach ((double u, double v) in PixelGrid(camera.Intrinsics))
        {
            Vec3 ray = camera.PixelToEgoRay(u, v);
            foreach (double rangeM in new[] { 0.5, 7.0, 120.0 })
            {
                Vec3 point = camera.PositionInEgoM + (ray * rangeM);

                Assert.True(camera.TryProjectEgoPoint(point, out double uBack, out double vBack));
                AssertSamePixel(cameraName, u, v, uBack, vBack);
            }
        }
    }

    [Theory]
    [MemberData(nameof(DefaultRigCameras))]
    public void TryProjectEgoPoint_GroundPointOfPixel_ReturnsThatPixel(string cameraName)
    {
        CameraCalibration camera = Camera(cameraName);
        int groundPixels = 0;

        foreach ((double u, double v) in PixelGrid(camera.Intrinsics))
        {
            if (!camera.TryPixelToGround(u, v, out Vec3 ground))
            {
                continue;
            }

            groundPixels++;
            Assert.Equal(0, ground.Z, 9);
            Assert.True(camera.TryProjectEgoPoint(ground, out double uBack, out double vBack));
            AssertSamePixel(cameraName, u, v, uBack, vBack);
        }

        // Every camera of the rig is pitched down, so the bottom half of the grid must see the ground.
        Assert.True(groundPixels >= 40, $"{cameraName}: only {groundPixels} grid pixels hit the ground");
    }

    [Theory]
    [MemberData(nameof(DefaultRigCameras))]
    public void PixelToEgoRay_AnyPixel_IsUnitLength(string cameraName)
    {
        CameraCalibration camera = Camera(cameraName);

        foreach ((double u, double v) in PixelGrid(camera.Intrinsics))
        {
            Assert.Equal(1.0, camera.PixelToEgoRay(u, v).Length, 12);
        }
    }

    /// <summary>Corners, edges and interior on an 11x11 grid of pixel centres.</summary>
    private static IEnumerable<(double U, double V)> PixelGrid(CameraIntrinsics k)
    {
        for (int i = 0; i <= 10; i++)
        {
            for (int j = 0; j <= 10; j++)
            {
                yield return ((k.WidthPx - 1) * i / 10.0, (k.HeightPx - 1) * j / 10.0);
            }
        }
    }

    private static CameraCalibration Camera(string name)
    {
        CameraRig rig = DefaultRig.Load();
        return rig[rig.IndexOf(name)];
    }

    private static void AssertSamePixel(string camera, double u, double v, double uBack, double vBack)
    {
        double errorPx = Math.Max(Math.Abs(u - uBack), Math.Abs(v - vBack));
        Assert.True(errorPx <= TolerancePx, $"{camera}: pixel ({u}, {v}) came back as ({uBack:R}, {vBack:R}), error {errorPx:G3} px");
    }
}
