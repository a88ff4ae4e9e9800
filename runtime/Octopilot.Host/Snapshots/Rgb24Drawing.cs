using Octopilot.Core.Frames;

namespace Octopilot.Host.Snapshots;

/// <summary>
/// The few drawing operations snapshots need, on a packed RGB24 buffer of a given width (rows of width·3 bytes,
/// no padding). Everything is clipped to the buffer, so callers never index out of it.
/// </summary>
internal static class Rgb24Drawing
{
    public const int BytesPerPixel = 3;

    public static void SetPixel(Span<byte> rgb24, int widthPx, int x, int y, Rgb24Color color)
    {
        int heightPx = rgb24.Length / (widthPx * BytesPerPixel);
        if ((uint)x >= (uint)widthPx || (uint)y >= (uint)heightPx)
        {
            return;
        }

        int offset = ((y * widthPx) + x) * BytesPerPixel;
        rgb24[offset] = color.R;
        rgb24[offset + 1] = color.G;
        rgb24[offset + 2] = color.B;
    }

    public static void FillRect(Span<byte> rgb24, int widthPx, PixelRect rect, Rgb24Color color)
    {
        for (int y = rect.Y; y < rect.Bottom; y++)
        {
            for (int x = rect.X; x < rect.Right; x++)
            {
                SetPixel(rgb24, widthPx, x, y, color);
            }
        }
    }

    /// <summary>Copies a whole tile (tileWidthPx · 3 bytes per row) into <paramref name="destination"/> at (x, y).</summary>
    public static void CopyTile(ReadOnlySpan<byte> tileRgb24, int tileWidthPx, Span<byte> destination, int destinationWidthPx, int x, int y)
    {
        int rowBytes = tileWidthPx * BytesPerPixel;
        int rows = tileRgb24.Length / rowBytes;
        for (int row = 0; row < rows; row++)
        {
            tileRgb24.Slice(row * rowBytes, rowBytes)
                .CopyTo(destination.Slice((((y + row) * destinationWidthPx) + x) * BytesPerPixel, rowBytes));
        }
    }

    /// <summary>
    /// Draws <paramref name="text"/> with <see cref="TinyFont"/>, each font pixel a scale x scale block, top-left at (x, y).
    /// Characters that would not fit entirely inside <paramref name="clip"/> are left out, so a long name is cut, not smeared.
    /// </summary>
    public static void DrawText(Span<byte> rgb24, int widthPx, int x, int y, string text, int scale, Rgb24Color color, PixelRect clip)
    {
        int glyphWidthPx = TinyFont.GlyphWidthPx * scale;
        for (int i = 0; i < text.Length; i++)
        {
            int left = x + (i * TinyFont.AdvancePx * scale);
            if (left + glyphWidthPx > clip.Right || y + (TinyFont.GlyphHeightPx * scale) > clip.Bottom)
            {
                return;
            }

            for (int row = 0; row < TinyFont.GlyphHeightPx; row++)
            {
                for (int column = 0; column < TinyFont.GlyphWidthPx; column++)
                {
                    if (TinyFont.IsSet(text[i], column, row))
                    {
                        FillRect(rgb24, widthPx, new PixelRect(left + (column * scale), y + (row * scale), scale, scale), color);
                    }
                }
            }
        }
    }
}
