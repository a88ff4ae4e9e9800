using Octopilot.Core.Calibration;
using Octopilot.Core.Frames;

namespace Octopilot.Cameras.Synthetic.Tests.Infrastructure;

/// <summary>Small scenes built in code, so a test states exactly the world it checks.</summary>
internal static class Scenes
{
    public static readonly RoadSpec StraightRoad = new(3, 3.6, 0, 3, 9, 0.15, 2.5);

    public static HighwayScenario Scenario(RoadSpec road, params VehicleSpec[] vehicles) =>
        new("test", 7, road, new EgoSpec(1, 27, 0), vehicles);

    public static VehicleSpec Car(int id, int lane, double offsetM, double speedMps = 27, Rgb24Color? color = null, LaneChangeSpec? laneChange = null) =>
        new(id, lane, offsetM, speedMps, 4.6, 1.85, 1.5, color ?? new Rgb24Color(200, 40, 40), laneChange);

    public static HighwayRenderer Renderer(string cameraName, int widthPx, int heightPx, HighwayWorld world)
    {
        CameraRig rig = TestFiles.DefaultRig;
        return new HighwayRenderer(rig[rig.IndexOf(cameraName)].ScaledTo(widthPx, heightPx), world);
    }

    public static IEnumerable<object[]> AllCamerasAtBothSizes()
    {
        string[] names = ["main_forward", "narrow_forward", "wide_forward", "left_pillar", "right_pillar", "left_repeater", "right_repeater", "rear"];
        foreach (string name in names)
        {
            yield return [name, 384, 288];
            yield return [name, 1280, 960];
        }
    }
}
