using Octopilot.Core.Calibration;
using Octopilot.Core.Geometry;
using Octopilot.Fusion.Objects;
using Octopilot.Inference.Perception;

namespace Octopilot.Fusion.Tests.Objects;

/// <summary>Hand-made detection sets: every camera present with a valid, empty objects head unless a test adds detections.</summary>
internal static class ObjectSets
{
    public static PerceptionFrameSet Create(CameraRig rig, int maxDetections = 8)
    {
        var set = PerceptionFrameSet.CreateDetached(rig.Cameras.Select(c => c.Name).ToArray(), 4, 4, maxDetections);
        for (int c = 0; c < rig.Count; c++)
        {
            CameraPerception camera = set.Camera(c);
            camera.FramePresent = true;
            camera.SetValid(HeadKind.Objects, true);
            camera.DetectionCount = 0;
        }

        return set;
    }

    public static void Add(PerceptionFrameSet set, int camera, Detection detection)
    {
        CameraPerception perception = set.Camera(camera);
        perception.DetectionStorage[perception.DetectionCount++] = detection;
    }

    /// <summary>
    /// The detection a perfect detector gives for a box of <paramref name="shape"/> centred on the ground at
    /// (<paramref name="xM"/>, <paramref name="yM"/>), aligned with ego x: the tight box around its 8 projected corners
    /// (edges, not pixel centres) and the camera z of its footprint centre.
    /// </summary>
    public static Detection Perfect(CameraCalibration camera, double xM, double yM, ObjectClassShape shape, int classIndex = 0)
    {
        double minU = double.PositiveInfinity, maxU = double.NegativeInfinity, minV = double.PositiveInfinity, maxV = double.NegativeInfinity;
        for (int corner = 0; corner < 8; corner++)
        {
            var point = new Vec3(
                xM + ((corner & 1) == 0 ? -0.5 : 0.5) * shape.LengthM,
                yM + ((corner & 2) == 0 ? -0.5 : 0.5) * shape.WidthM,
                (corner & 4) == 0 ? 0 : shape.HeightM);
            Assert.True(camera.TryProjectEgoPoint(point, out double u, out double v), "every corner must be in front of the camera");
            minU = Math.Min(minU, u);
            maxU = Math.Max(maxU, u);
            minV = Math.Min(minV, v);
            maxV = Math.Max(maxV, v);
        }

        double depthM = camera.EgoToCamera.Apply(new Vec3(xM, yM, 0)).Z;
        return new Detection(1f, classIndex, (float)((minU + maxU) / 2), (float)((minV + maxV) / 2), (float)(maxU - minU), (float)(maxV - minV), (float)depthM);
    }
}
