using Octopilot.Inference.Perception;

namespace Octopilot.Fusion.Objects;

/// <summary>
/// Which sides of a detection's box are not the object's own edge: cut by the image border, or covered by the box of a
/// nearer detection in the same camera (occlusion). A cut left or right edge is not used by the footprint fit; a cut
/// bottom, or a cut side (the object runs out of view, so its centre may be nearer than any visible ground contact),
/// turns off the depth consistency check. A side cut by the image border (not by a nearer box) is flagged apart as well:
/// the visible part may then be any sliver of the object, so the projector checks it harder (see
/// <c>ProjectorCamera.TryLocate</c>); a top cut by the border makes the box height a lower bound only.
/// </summary>
[Flags]
internal enum BoxCuts
{
    None = 0,
    Left = 1,
    Right = 2,
    Bottom = 4,

    /// <summary>The top edge is on the image border (the box height is not the object's).</summary>
    Top = 8,

    /// <summary>The left edge is on the image border (set with <see cref="Left"/>).</summary>
    BorderLeft = 16,

    /// <summary>The right edge is on the image border (set with <see cref="Right"/>).</summary>
    BorderRight = 32,

    /// <summary>Either side on the image border.</summary>
    BorderSide = BorderLeft | BorderRight,

    /// <summary>The bottom edge is on the image border (set with <see cref="Bottom"/>).</summary>
    BorderBottom = 64,

    /// <summary>The cuts that move the ground contact or the box centre off the object's own.</summary>
    ContactOrSide = Left | Right | Bottom,
}

/// <summary>Finds the <see cref="BoxCuts"/> of one detection among its camera's detections.</summary>
internal static class BoxCutFinder
{
    public static BoxCuts Find(ReadOnlySpan<Detection> detections, int index, double imageWidthPx, double imageHeightPx, double marginPx)
    {
        ref readonly Detection d = ref detections[index];
        double left = d.CenterUPx - (d.WidthPx * 0.5), right = d.CenterUPx + (d.WidthPx * 0.5);
        double top = d.CenterVPx - (d.HeightPx * 0.5), bottom = d.CenterVPx + (d.HeightPx * 0.5);

        // Pixel centres are integers, so the image spans −0.5 .. size − 0.5.
        BoxCuts cuts = BoxCuts.None;
        if (left <= -0.5 + marginPx)
        {
            cuts |= BoxCuts.Left | BoxCuts.BorderLeft;
        }

        if (right >= imageWidthPx - 0.5 - marginPx)
        {
            cuts |= BoxCuts.Right | BoxCuts.BorderRight;
        }

        if (top <= -0.5 + marginPx)
        {
            cuts |= BoxCuts.Top;
        }

        if (bottom >= imageHeightPx - 0.5 - marginPx)
        {
            cuts |= BoxCuts.Bottom | BoxCuts.BorderBottom;
        }

        if (!(d.DepthM > 0))
        {
            return cuts; // no depth order to tell an occluder by
        }

        for (int j = 0; j < detections.Length; j++)
        {
            ref readonly Detection o = ref detections[j];
            if (j == index || !(o.DepthM > 0) || o.DepthM >= d.DepthM)
            {
                continue;
            }

            double oLeft = o.CenterUPx - (o.WidthPx * 0.5) - marginPx, oRight = o.CenterUPx + (o.WidthPx * 0.5) + marginPx;
            double oTop = o.CenterVPx - (o.HeightPx * 0.5) - marginPx, oBottom = o.CenterVPx + (o.HeightPx * 0.5) + marginPx;
            if (oTop > bottom || oBottom < top || oLeft > right || oRight < left)
            {
                continue; // no overlap
            }

            // A side is cut when the nearer box covers it over the object's whole height (starting at or above its top)
            // and reaches from the edge outward: a nearer car covering only the lower rows (a truck behind a car) leaves
            // the upper rows' edges true.
            bool coversHeight = o.CenterVPx - (o.HeightPx * 0.5) <= top + marginPx;
            if (coversHeight && oLeft <= left && oRight >= left)
            {
                cuts |= BoxCuts.Left;
            }

            if (coversHeight && oRight >= right && oLeft <= right)
            {
                cuts |= BoxCuts.Right;
            }

            if (bottom >= oTop && bottom <= oBottom)
            {
                cuts |= BoxCuts.Bottom;
            }
        }

        return cuts;
    }
}
