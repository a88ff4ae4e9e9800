using Octopilot.Cameras.Synthetic.Tests.Infrastructure;
using Octopilot.Core.Calibration;
using Octopilot.Core.Geometry;
using Octopilot.Core.Labels;

namespace Octopilot.Cameras.Synthetic.Tests;

/// <summary>Road, markings and shoulder land exactly on the pixels the calibration predicts, lens distortion included.</summary>
public class GroundGeometryTests
{
    private const long SimTimeNs = 2_345_000_000;
    private const float MaxCheckedDepthM = 150;

    public static IEnumerable<object[]> Cameras() => Scenes.AllCamerasAtBothSizes();

    [Theory]
    [MemberData(nameof(Cameras))]
    public void ClassMap_GroundPixels_MatchRoadGeometryFromCalibration(string cameraName, int widthPx, int heightPx)
    {
        var world = new HighwayWorld(TestFiles.DefaultScenario with { Vehicles = [] });
        HighwayRenderer renderer = Scenes.Renderer(cameraName, widthPx, heightPx, world);
        LabelBuffer labels = renderer.CreateLabelBuffer();
        renderer.Render(SimTimeNs, new byte[renderer.FrameBytes], labels);

        int checkedMarkings = 0, checkedRoad = 0, mismatches = 0;
        string firstMismatch = string.Empty;
        for (int v = 0; v < heightPx; v++)
        {
            for (int u = 0; u < widthPx; u++)
            {
                LabelClass actual = labels.ClassAt(u, v);
                bool isGround = RoadTruth.TryExpectedClass(renderer.Calibration, world, SimTimeNs, u, v, out LabelClass expected, out bool ambiguous, out double rangeM);
                if (!isGround)
                {
                    Assert.Equal(LabelClass.Sky, actual);
                    continue;
                }

                if (ambiguous || rangeM > MaxCheckedDepthM)
                {
                    continue;
                }

                checkedMarkings += LabelClasses.IsLaneMarking(expected) ? 1 : 0;
                checkedRoad += expected == LabelClass.Road ? 1 : 0;
                if (actual != expected && mismatches++ == 0)
                {
                    firstMismatch = $"pixel ({u}, {v}): expected {expected}, rendered {actual}";
                }
            }
        }

        Assert.True(mismatches == 0, $"{mismatches} ground pixels disagree with the calibration; first: {firstMismatch}");
        Assert.True(checkedRoad > 100, $"only {checkedRoad} road pixels checked");
        Assert.True(checkedMarkings > (widthPx > 1000 ? 200 : 20), $"only {checkedMarkings} marking pixels checked");
    }

    [Theory]
    [MemberData(nameof(Cameras))]
    public void DepthLabel_GroundPixels_ReprojectToTheirPixelOnTheGround(string cameraName, int widthPx, int heightPx)
    {
        var world = new HighwayWorld(TestFiles.DefaultScenario with { Vehicles = [] });
        HighwayRenderer renderer = Scenes.Renderer(cameraName, widthPx, heightPx, world);
        CameraCalibration camera = renderer.Calibration;
        LabelBuffer labels = renderer.CreateLabelBuffer();
        renderer.Render(SimTimeNs, new byte[renderer.FrameBytes], labels);

        int checkedPixels = 0;
        int step = widthPx / 64;
        for (int v = 0; v < heightPx; v += step)
        {
            for (int u = 0; u < widthPx; u += step)
            {
                float depth = labels.DepthAtM(u, v);
                if (labels.ClassAt(u, v) == LabelClass.Sky || depth > MaxCheckedDepthM)
                {
                    continue;
                }

                Vec3 ray = camera.PixelToCameraRay(u, v);
                Vec3 pointEgo = camera.CameraToEgo.Apply(ray * (depth / ray.Z));
                Assert.True(Math.Abs(pointEgo.Z) < 1e-3, $"pixel ({u}, {v}) depth {depth} m puts the point {pointEgo.Z} m off the ground");
                Assert.True(camera.TryProjectEgoPoint(pointEgo, out double uPx, out double vPx));
                Assert.InRange(uPx, u - 0.5, u + 0.5);
                Assert.InRange(vPx, v - 0.5, v + 0.5);
                checkedPixels++;
            }
        }

        Assert.True(checkedPixels > 500, $"only {checkedPixels} ground pixels checked");
    }
}
