using Octopilot.Host.Snapshots;

namespace Octopilot.Host.Tests.Infrastructure;

/// <summary>Test tiles whose every pixel says which tile and which pixel it is, so misplacement cannot hide.</summary>
internal static class Tiles
{
    /// <summary>R = tile index · 20 + 10, G = x, B = y (sizes below 256 px).</summary>
    public static byte[] Coded(int index, int widthPx, int heightPx)
    {
        var rgb = new byte[widthPx * heightPx * 3];
        for (int y = 0; y < heightPx; y++)
        {
            for (int x = 0; x < widthPx; x++)
            {
                int offset = ((y * widthPx) + x) * 3;
                rgb[offset] = (byte)((index * 20) + 10);
                rgb[offset + 1] = (byte)x;
                rgb[offset + 2] = (byte)y;
            }
        }

        return rgb;
    }

    public static (byte R, byte G, byte B) Pixel(ReadOnlySpan<byte> rgb24, int widthPx, int x, int y)
    {
        int offset = ((y * widthPx) + x) * 3;
        return (rgb24[offset], rgb24[offset + 1], rgb24[offset + 2]);
    }

    /// <summary>The bytes of one rectangle of an RGB24 image, row after row.</summary>
    public static byte[] Region(ReadOnlySpan<byte> rgb24, int widthPx, PixelRect rect)
    {
        var bytes = new byte[rect.WidthPx * rect.HeightPx * 3];
        for (int row = 0; row < rect.HeightPx; row++)
        {
            rgb24.Slice((((rect.Y + row) * widthPx) + rect.X) * 3, rect.WidthPx * 3).CopyTo(bytes.AsSpan(row * rect.WidthPx * 3));
        }

        return bytes;
    }
}
