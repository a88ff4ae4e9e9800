using Octopilot.Core.Frames;
using Octopilot.Core.Labels;

namespace Octopilot.Host.Snapshots;

/// <summary>
/// Turns a per-pixel class map into a picture, and draws object boxes on a picture, for snapshots.
/// Palette (R, G, B), taken from Cityscapes where the class exists there so the colours read as usual:
/// Sky (70, 130, 180), OffRoad (107, 142, 35), Road (128, 64, 128), LaneMarking (255, 255, 255), Vehicle (0, 0, 142),
/// SolidLaneMarking (250, 170, 30: Cityscapes' traffic-light orange, so edge lines stand out from dashed dividers);
/// any other value is magenta (255, 0, 255) so a corrupt label map is obvious. Allocation is fine: off the hot path.
/// </summary>
public static class LabelColorizer
{
    public const byte Sky = (byte)LabelClass.Sky;
    public const byte OffRoad = (byte)LabelClass.OffRoad;
    public const byte Road = (byte)LabelClass.Road;
    public const byte LaneMarking = (byte)LabelClass.LaneMarking;
    public const byte Vehicle = (byte)LabelClass.Vehicle;
    public const byte SolidLaneMarking = (byte)LabelClass.SolidLaneMarking;

    public static readonly Rgb24Color SkyColor = new(70, 130, 180);
    public static readonly Rgb24Color OffRoadColor = new(107, 142, 35);
    public static readonly Rgb24Color RoadColor = new(128, 64, 128);
    public static readonly Rgb24Color LaneMarkingColor = new(255, 255, 255);
    public static readonly Rgb24Color VehicleColor = new(0, 0, 142);
    public static readonly Rgb24Color SolidLaneMarkingColor = new(250, 170, 30);
    public static readonly Rgb24Color UnknownClassColor = new(255, 0, 255);

    /// <summary>Default outline colour for object boxes: yellow, which no class colour is.</summary>
    public static readonly Rgb24Color BoxColor = new(255, 220, 0);

    public static Rgb24Color ColorOf(byte labelClass) => labelClass switch
    {
        Sky => SkyColor,
        OffRoad => OffRoadColor,
        Road => RoadColor,
        LaneMarking => LaneMarkingColor,
        Vehicle => VehicleColor,
        SolidLaneMarking => SolidLaneMarkingColor,
        _ => UnknownClassColor,
    };

    /// <summary>Colours <paramref name="classMap"/> (one byte per pixel) into <paramref name="tileRgb24"/> (three bytes per pixel).</summary>
    public static void Colorize(ReadOnlySpan<byte> classMap, Span<byte> tileRgb24)
    {
        if (tileRgb24.Length != classMap.Length * Rgb24Drawing.BytesPerPixel)
        {
            throw new ArgumentException(
                $"an RGB24 tile for {classMap.Length} class pixels needs {classMap.Length * Rgb24Drawing.BytesPerPixel} bytes, got {tileRgb24.Length}",
                nameof(tileRgb24));
        }

        for (int i = 0; i < classMap.Length; i++)
        {
            Rgb24Color color = ColorOf(classMap[i]);
            tileRgb24[i * 3] = color.R;
            tileRgb24[(i * 3) + 1] = color.G;
            tileRgb24[(i * 3) + 2] = color.B;
        }
    }

    /// <summary>Colours <paramref name="classMap"/> into a new RGB24 tile.</summary>
    public static byte[] Colorize(ReadOnlySpan<byte> classMap)
    {
        var tileRgb24 = new byte[classMap.Length * Rgb24Drawing.BytesPerPixel];
        Colorize(classMap, tileRgb24);
        return tileRgb24;
    }

    /// <summary>
    /// Draws the 1 px outline of the box with corner pixels (x0, y0) and (x1, y1), both inclusive, in either order,
    /// on a <paramref name="widthPx"/> x <paramref name="heightPx"/> RGB24 tile. Parts outside the tile are clipped.
    /// </summary>
    public static void DrawBoxOutline(
        Span<byte> tileRgb24, int widthPx, int heightPx, int x0Px, int y0Px, int x1Px, int y1Px, Rgb24Color color)
    {
        if (widthPx < 1 || heightPx < 1 || tileRgb24.Length != widthPx * heightPx * Rgb24Drawing.BytesPerPixel)
        {
            throw new ArgumentException(
                $"a {widthPx}x{heightPx} px RGB24 tile needs {(long)widthPx * heightPx * Rgb24Drawing.BytesPerPixel} bytes, got {tileRgb24.Length}",
                nameof(tileRgb24));
        }

        // Clamp to one pixel outside the tile: an edge beyond the tile stays beyond it (not drawn), and a wild
        // coordinate from a bad detection costs no more than the tile itself.
        int left = Math.Clamp(Math.Min(x0Px, x1Px), -1, widthPx), right = Math.Clamp(Math.Max(x0Px, x1Px), -1, widthPx);
        int top = Math.Clamp(Math.Min(y0Px, y1Px), -1, heightPx), bottom = Math.Clamp(Math.Max(y0Px, y1Px), -1, heightPx);
        int boxWidthPx = right - left + 1, boxHeightPx = bottom - top + 1;
        Rgb24Drawing.FillRect(tileRgb24, widthPx, new PixelRect(left, top, boxWidthPx, 1), color);
        Rgb24Drawing.FillRect(tileRgb24, widthPx, new PixelRect(left, bottom, boxWidthPx, 1), color);
        Rgb24Drawing.FillRect(tileRgb24, widthPx, new PixelRect(left, top, 1, boxHeightPx), color);
        Rgb24Drawing.FillRect(tileRgb24, widthPx, new PixelRect(right, top, 1, boxHeightPx), color);
    }
}
