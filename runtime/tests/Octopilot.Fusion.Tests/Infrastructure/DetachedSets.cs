using Octopilot.Core.Calibration;
using Octopilot.Inference.Perception;

namespace Octopilot.Fusion.Tests.Infrastructure;

/// <summary>Perception sets with map values written by the test (no engine), every camera present and valid unless changed.</summary>
internal static class DetachedSets
{
    public static PerceptionFrameSet Create(CameraRig rig, int mapWidth, int mapHeight)
    {
        var set = PerceptionFrameSet.CreateDetached(rig.Cameras.Select(c => c.Name).ToArray(), mapHeight, mapWidth, maxDetections: 4);
        for (int camera = 0; camera < rig.Count; camera++)
        {
            SetCamera(set, camera, present: true, lanesValid: true, drivableValid: true);
        }

        return set;
    }

    /// <param name="solidLinesValid">The optional solid-lines head; null: as <paramref name="lanesValid"/>.</param>
    public static void SetCamera(PerceptionFrameSet set, int camera, bool present, bool lanesValid, bool drivableValid, bool? solidLinesValid = null)
    {
        CameraPerception perception = set.Camera(camera);
        perception.FramePresent = present;
        perception.SetValid(HeadKind.Lanes, present && lanesValid);
        perception.SetValid(HeadKind.Drivable, present && drivableValid);
        perception.SetValid(HeadKind.Depth, present);
        perception.SetValid(HeadKind.SolidLines, present && (solidLinesValid ?? lanesValid));
    }

    /// <summary>Fills every map with a value unique to (head, camera, pixel) in [0, 1): a wrong gather shows as a wrong value.</summary>
    public static void FillDistinct(PerceptionFrameSet set)
    {
        for (int camera = 0; camera < set.Cameras.Count; camera++)
        {
            Span<float> lanes = set.WritableMap(HeadKind.Lanes, camera);
            Span<float> drivable = set.WritableMap(HeadKind.Drivable, camera);
            Span<float> solid = set.WritableMap(HeadKind.SolidLines, camera);
            for (int pixel = 0; pixel < lanes.Length; pixel++)
            {
                lanes[pixel] = Distinct(HeadKind.Lanes, camera, pixel, lanes.Length);
                drivable[pixel] = Distinct(HeadKind.Drivable, camera, pixel, lanes.Length);
                solid[pixel] = Distinct(HeadKind.SolidLines, camera, pixel, lanes.Length);
            }
        }
    }

    public static float Distinct(HeadKind head, int camera, int pixel, int mapLength) =>
        (float)((((camera * mapLength) + pixel) * HeadKinds.Count) + (int)head) / ((float)HeadKinds.Count * 32 * mapLength);
}
