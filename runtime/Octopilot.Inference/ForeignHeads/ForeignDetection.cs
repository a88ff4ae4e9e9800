using Octopilot.Inference.Perception;

namespace Octopilot.Inference.ForeignHeads;

/// <summary>What the foreign detection decoders share: the depth they cannot know, and the way back to frame pixels.</summary>
public static class ForeignDetection
{
    /// <summary>
    /// <see cref="Detection.DepthM"/> of every foreign detection: foreign detectors give no range, and a detection must be
    /// finite, so 0 m (no real object is at 0 m) says "unknown" until a later stage (the depth head under the box, or
    /// ground-plane geometry) estimates it.
    /// </summary>
    public const float UnknownDepthM = 0f;

    /// <summary>
    /// Maps a box in model-input pixels (x1 ≤ x2, y1 ≤ y2, pixel edges) through the inverse fit to camera-frame pixels,
    /// clips it to the frame, and builds the runtime detection (pixel centres, <see cref="PixelConvention"/>). False when nothing of the box is left inside the frame.
    /// </summary>
    internal static bool TryToFrame(
        in FrameInputGeometry geometry, float score, int classIndex, double x1, double y1, double x2, double y2, out Detection detection)
    {
        InputFrameMapping mapping = geometry.Mapping;
        double left = Math.Clamp(mapping.ToFrameX(x1), 0, geometry.FrameWidthPx);
        double right = Math.Clamp(mapping.ToFrameX(x2), 0, geometry.FrameWidthPx);
        double top = Math.Clamp(mapping.ToFrameY(y1), 0, geometry.FrameHeightPx);
        double bottom = Math.Clamp(mapping.ToFrameY(y2), 0, geometry.FrameHeightPx);
        if (!(right > left && bottom > top))
        {
            detection = default;
            return false;
        }

        detection = new Detection(
            score, classIndex, (float)PixelConvention.EdgeToCentre((left + right) * 0.5), (float)PixelConvention.EdgeToCentre((top + bottom) * 0.5),
            (float)(right - left), (float)(bottom - top), UnknownDepthM);
        return true;
    }
}
