using Octopilot.Core.Frames;
using Octopilot.Host.Snapshots;
using Octopilot.Inference.Perception;
using StbImageWriteSharp;

namespace Octopilot.Host.Perceive;

/// <summary>
/// The pictures <c>perceive</c> writes per image: a class map as an 8-bit grey PNG (probability × 255), a depth map as grey
/// (white = near, black = 80 m or more or invalid), and the overlay: the image with drivable area tinted green, lane
/// markings tinted yellow (both by probability), and each detection's box in its class colour with class and range.
/// </summary>
internal static class PerceivePngs
{
    /// <summary>Depth drawn black at and beyond this range, m.</summary>
    public const double DepthFarM = 80;

    private static readonly Rgb24Color[] ClassColours =
    [
        new(255, 64, 64), new(64, 160, 255), new(255, 160, 0), new(200, 64, 255), new(0, 220, 220), new(255, 255, 255),
    ];

    public static void WriteMask(string path, ReadOnlySpan<float> probability, int widthPx, int heightPx)
    {
        var grey = new byte[widthPx * heightPx];
        for (int i = 0; i < grey.Length; i++)
        {
            grey[i] = (byte)Math.Round(Math.Clamp(probability[i], 0f, 1f) * 255);
        }

        Write(path, grey, widthPx, heightPx, ColorComponents.Grey);
    }

    public static void WriteDepth(string path, ReadOnlySpan<float> depthM, int widthPx, int heightPx)
    {
        var grey = new byte[widthPx * heightPx];
        for (int i = 0; i < grey.Length; i++)
        {
            float d = depthM[i];
            grey[i] = d > 0 ? (byte)Math.Round(255 * Math.Clamp(1 - (d / DepthFarM), 0, 1)) : (byte)0;
        }

        Write(path, grey, widthPx, heightPx, ColorComponents.Grey);
    }

    /// <param name="drivable">Drivable probability per image pixel, or empty.</param>
    /// <param name="lanes">Lane-marking probability per image pixel, or empty.</param>
    public static void WriteOverlay(
        string path, StillImage image, ReadOnlySpan<float> drivable, ReadOnlySpan<float> lanes, ReadOnlySpan<Detection> detections,
        IReadOnlyList<string> classNames)
    {
        int w = image.WidthPx, h = image.HeightPx;
        byte[] rgb = (byte[])image.Rgb24.Clone();
        for (int i = 0; i < w * h; i++)
        {
            if (!drivable.IsEmpty)
            {
                Blend(rgb, i, new Rgb24Color(0, 200, 0), 0.35f * Math.Clamp(drivable[i], 0f, 1f));
            }

            if (!lanes.IsEmpty)
            {
                Blend(rgb, i, new Rgb24Color(255, 230, 0), 0.8f * Math.Clamp(lanes[i], 0f, 1f));
            }
        }

        var clip = new PixelRect(0, 0, w, h);
        int thickness = Math.Max(2, w / 400);
        int scale = Math.Max(1, w / 600);
        foreach (Detection d in detections)
        {
            Rgb24Color colour = ClassColours[d.ClassIndex % ClassColours.Length];
            (double ex1, double ey1, double ex2, double ey2) = PixelConvention.EdgeBox(d); // rectangles take pixel edges
            int x1 = (int)Math.Round(ex1), y1 = (int)Math.Round(ey1);
            int x2 = (int)Math.Round(ex2), y2 = (int)Math.Round(ey2);
            Rgb24Drawing.FillRect(rgb, w, Clip(new PixelRect(x1, y1, x2 - x1, thickness), clip), colour);
            Rgb24Drawing.FillRect(rgb, w, Clip(new PixelRect(x1, y2 - thickness, x2 - x1, thickness), clip), colour);
            Rgb24Drawing.FillRect(rgb, w, Clip(new PixelRect(x1, y1, thickness, y2 - y1), clip), colour);
            Rgb24Drawing.FillRect(rgb, w, Clip(new PixelRect(x2 - thickness, y1, thickness, y2 - y1), clip), colour);
            string name = d.ClassIndex < classNames.Count ? classNames[d.ClassIndex] : "?";
            string label = d.DepthM > 0 ? FormattableString.Invariant($"{name} {d.Score:0.00} {d.DepthM:0.0}M") : FormattableString.Invariant($"{name} {d.Score:0.00}");
            int labelY = Math.Max(0, y1 - ((TinyFont.GlyphHeightPx + 2) * scale));
            Rgb24Drawing.DrawText(rgb, w, Math.Max(0, x1), labelY, label, scale, colour, clip);
        }

        Write(path, rgb, w, h, ColorComponents.RedGreenBlue);
    }

    private static PixelRect Clip(PixelRect r, PixelRect bounds)
    {
        int x1 = Math.Clamp(r.X, bounds.X, bounds.Right), y1 = Math.Clamp(r.Y, bounds.Y, bounds.Bottom);
        int x2 = Math.Clamp(r.Right, bounds.X, bounds.Right), y2 = Math.Clamp(r.Bottom, bounds.Y, bounds.Bottom);
        return new PixelRect(x1, y1, Math.Max(0, x2 - x1), Math.Max(0, y2 - y1));
    }

    private static void Blend(byte[] rgb, int pixel, Rgb24Color colour, float alpha)
    {
        if (alpha <= 0)
        {
            return;
        }

        int o = pixel * 3;
        rgb[o] = (byte)(rgb[o] + ((colour.R - rgb[o]) * alpha));
        rgb[o + 1] = (byte)(rgb[o + 1] + ((colour.G - rgb[o + 1]) * alpha));
        rgb[o + 2] = (byte)(rgb[o + 2] + ((colour.B - rgb[o + 2]) * alpha));
    }

    private static void Write(string path, byte[] pixels, int widthPx, int heightPx, ColorComponents components)
    {
        using FileStream file = File.Create(path);
        new ImageWriter().WritePng(pixels, widthPx, heightPx, components, file);
    }
}
