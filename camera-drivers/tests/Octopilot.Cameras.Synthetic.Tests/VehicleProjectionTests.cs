using Octopilot.Cameras.Synthetic.Tests.Infrastructure;
using Octopilot.Core.Calibration;
using Octopilot.Core.Geometry;
using Octopilot.Core.Labels;
using Octopilot.Core.Frames;

namespace Octopilot.Cameras.Synthetic.Tests;

/// <summary>A vehicle box covers exactly the pixels the calibration predicts for its corners and edges, lens distortion included.</summary>
public class VehicleProjectionTests
{
    private static readonly RoadSpec WideRoad = new(5, 4.0, 0, 3, 9, 0.15, 2.5);
    private const int EgoLane = 2;
    private const double QuantisationBoundPx = 1.5;
    private const double LengthM = 4.6, WidthM = 1.85, HeightM = 1.5;

    public static IEnumerable<object[]> Cameras() => Scenes.AllCamerasAtBothSizes();

    [Theory]
    [MemberData(nameof(Cameras))]
    public void ObjectBox_VehicleFullyInView_MatchesProjectedBoxExtentsWithinQuantisation(string cameraName, int widthPx, int heightPx)
    {
        CameraCalibration camera = TestFiles.DefaultRig[TestFiles.DefaultRig.IndexOf(cameraName)].ScaledTo(widthPx, heightPx);
        (VehicleSpec vehicle, Extents expected) = LargestFullyVisiblePlacement(camera);
        var world = new HighwayWorld(new HighwayScenario("one-box", 3, WideRoad, new EgoSpec(EgoLane, 20, 0), [vehicle]));
        var renderer = new HighwayRenderer(camera, world);
        LabelBuffer labels = renderer.CreateLabelBuffer();
        renderer.Render(0, new byte[renderer.FrameBytes], labels);

        Assert.Equal(1, labels.ObjectCount);
        ObjectLabel box = labels.Objects[0];
        // Strict side: no pixel centre outside the exact silhouette is lit. Quantisation side: the extreme is a silhouette
        // vertex that usually falls between pixel rows, so the first lit centre can sit a little over one pixel inward.
        Assert.InRange(box.MinUPx, expected.MinU - 1e-3, expected.MinU + QuantisationBoundPx);
        Assert.InRange(box.MaxUPx, expected.MaxU - QuantisationBoundPx, expected.MaxU + 1e-3);
        Assert.InRange(box.MinVPx, expected.MinV - 1e-3, expected.MinV + QuantisationBoundPx);
        Assert.InRange(box.MaxVPx, expected.MaxV - QuantisationBoundPx, expected.MaxV + 1e-3);
    }

    [Theory]
    [MemberData(nameof(Cameras))]
    public void DepthLabel_VehiclePixels_ReprojectOntoTheBoxSurface(string cameraName, int widthPx, int heightPx)
    {
        CameraCalibration camera = TestFiles.DefaultRig[TestFiles.DefaultRig.IndexOf(cameraName)].ScaledTo(widthPx, heightPx);
        (VehicleSpec vehicle, _) = LargestFullyVisiblePlacement(camera);
        var world = new HighwayWorld(new HighwayScenario("one-box", 3, WideRoad, new EgoSpec(EgoLane, 20, 0), [vehicle]));
        var renderer = new HighwayRenderer(camera, world);
        LabelBuffer labels = renderer.CreateLabelBuffer();
        renderer.Render(0, new byte[renderer.FrameBytes], labels);
        Vec3 centre = labels.Objects[0].GroundCentreEgoM;

        int vehiclePixels = 0;
        for (int v = 0; v < heightPx; v++)
        {
            for (int u = 0; u < widthPx; u++)
            {
                if (labels.ClassAt(u, v) != LabelClass.Vehicle)
                {
                    continue;
                }

                Vec3 ray = camera.PixelToCameraRay(u, v);
                Vec3 p = camera.CameraToEgo.Apply(ray * (labels.DepthAtM(u, v) / ray.Z)) - centre;
                double outside = Math.Max(Math.Max(Math.Abs(p.X) - (LengthM / 2), Math.Abs(p.Y) - (WidthM / 2)), Math.Max(-p.Z, p.Z - HeightM));
                Assert.True(Math.Abs(outside) < 2e-3, $"pixel ({u}, {v}) lies {outside} m from the box surface");
                vehiclePixels++;
            }
        }

        Assert.Equal(labels.Objects[0].VisiblePixelCount, vehiclePixels);
        Assert.True(vehiclePixels > 50, $"only {vehiclePixels} vehicle pixels");
    }

    private readonly record struct Extents(double MinU, double MaxU, double MinV, double MaxV);

    /// <summary>Searches lane × station placements for the one whose whole box projects inside the image and is largest.</summary>
    private static (VehicleSpec Vehicle, Extents Expected) LargestFullyVisiblePlacement(CameraCalibration camera)
    {
        int w = camera.Intrinsics.WidthPx, h = camera.Intrinsics.HeightPx;
        (VehicleSpec, Extents)? best = null;
        double bestArea = 0;
        for (int lane = 0; lane < WideRoad.LaneCount; lane++)
        {
            for (double offset = -40; offset <= 40; offset += 1)
            {
                if (lane == EgoLane && Math.Abs(offset - 1.45) < 6)
                {
                    continue;
                }

                double y = WideRoad.LaneCentreOffsetM(lane) - WideRoad.LaneCentreOffsetM(EgoLane);
                if (ProjectedExtents(camera, offset, y) is not Extents e || e.MinU < 1 || e.MinV < 1 || e.MaxU > w - 2 || e.MaxV > h - 2)
                {
                    continue;
                }

                double area = (e.MaxU - e.MinU) * (e.MaxV - e.MinV);
                if (area > bestArea)
                {
                    bestArea = area;
                    best = (new VehicleSpec(1, lane, offset, 20, LengthM, WidthM, HeightM, new Rgb24Color(200, 40, 40), null), e);
                }
            }
        }

        Assert.True(best.HasValue, $"no placement shows the whole box to {camera.Name}");
        return best.Value;
    }

    /// <summary>Projected extents of the box's 12 edges, densely sampled (distortion bends edges between corners).</summary>
    private static Extents? ProjectedExtents(CameraCalibration camera, double x, double y)
    {
        double minU = double.MaxValue, maxU = double.MinValue, minV = double.MaxValue, maxV = double.MinValue;
        for (int a = 0; a < 8; a++)
        {
            for (int bit = 1; bit < 8; bit <<= 1)
            {
                int b = a ^ bit;
                if (b < a)
                {
                    continue;
                }

                for (int step = 0; step <= 256; step++)
                {
                    Vec3 p = Lerp(Corner(x, y, a), Corner(x, y, b), step / 256.0);
                    if (camera.EgoToCamera.Apply(p).Z < 0.5 || !camera.TryProjectEgoPoint(p, out double u, out double v))
                    {
                        return null;
                    }

                    minU = Math.Min(minU, u);
                    maxU = Math.Max(maxU, u);
                    minV = Math.Min(minV, v);
                    maxV = Math.Max(maxV, v);
                }
            }
        }

        return new Extents(minU, maxU, minV, maxV);
    }

    private static Vec3 Corner(double x, double y, int n) =>
        new(x + ((n & 1) == 0 ? -LengthM / 2 : LengthM / 2), y + ((n & 2) == 0 ? -WidthM / 2 : WidthM / 2), (n & 4) == 0 ? 0 : HeightM);

    private static Vec3 Lerp(Vec3 a, Vec3 b, double t) => a + ((b - a) * t);
}
