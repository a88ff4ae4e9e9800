using Octopilot.Core.Frames;

namespace Octopilot.Host.Snapshots;

/// <summary>
/// Drawing in ego metres on a BEV picture: lines, polylines and oriented rectangles, every pixel clipped to the map
/// part (overlays never spill into the caption bar). Owns the RGB24 buffer it draws on. Not thread-safe.
/// </summary>
internal sealed class BevCanvas
{
    public BevCanvas(BevPictureLayout layout)
    {
        Layout = layout;
        Rgb24 = new byte[layout.Rgb24Bytes];
    }

    public BevPictureLayout Layout { get; }

    /// <summary>Packed RGB24, <see cref="BevPictureLayout.WidthPx"/> pixels per row.</summary>
    public byte[] Rgb24 { get; }

    /// <summary>Sets one pixel if it lies inside the map part.</summary>
    public void SetMapPixel(int x, int y, Rgb24Color color)
    {
        PixelRect map = Layout.Map;
        if (x >= map.X && x < map.Right && y >= map.Y && y < map.Bottom)
        {
            Rgb24Drawing.SetPixel(Rgb24, Layout.WidthPx, x, y, color);
        }
    }

    /// <summary>A straight line between two ego points, <paramref name="thicknessPx"/> pixels wide (extra pixels to the right).</summary>
    public void DrawLine(double x0M, double y0M, double x1M, double y1M, Rgb24Color color, int thicknessPx = 1) =>
        DrawPixelLine(
            Layout.PixelOf(x0M, y0M),
            Layout.PixelOf(x1M, y1M),
            color,
            thicknessPx);

    /// <summary>Bresenham line between two pixels, both ends included, thickened by repeating it to the right and down.</summary>
    public void DrawPixelLine((int X, int Y) from, (int X, int Y) to, Rgb24Color color, int thicknessPx = 1)
    {
        // Far-off points (a boundary extrapolated off the grid) would make the walk long for nothing: clamp to a margin.
        PixelRect map = Layout.Map;
        int margin = Math.Max(map.WidthPx, map.HeightPx);
        (int x0, int y0) = (Math.Clamp(from.X, map.X - margin, map.Right + margin), Math.Clamp(from.Y, map.Y - margin, map.Bottom + margin));
        (int x1, int y1) = (Math.Clamp(to.X, map.X - margin, map.Right + margin), Math.Clamp(to.Y, map.Y - margin, map.Bottom + margin));
        int dx = Math.Abs(x1 - x0), sx = x0 < x1 ? 1 : -1;
        int dy = -Math.Abs(y1 - y0), sy = y0 < y1 ? 1 : -1;
        bool steep = -dy > dx;
        int error = dx + dy;
        while (true)
        {
            for (int t = 0; t < thicknessPx; t++)
            {
                // Thicken across the line: sideways for a mostly vertical line, downwards for a mostly horizontal one.
                SetMapPixel(steep ? x0 + t : x0, steep ? y0 : y0 + t, color);
            }

            if (x0 == x1 && y0 == y1)
            {
                return;
            }

            int doubled = 2 * error;
            if (doubled >= dy)
            {
                error += dy;
                x0 += sx;
            }

            if (doubled <= dx)
            {
                error += dx;
                y0 += sy;
            }
        }
    }

    /// <summary>
    /// An arrow from ego point (x, y) along (dx, dy) metres: the shaft, and a head of two barbs at ±150° of
    /// <paramref name="headPx"/> pixels (at most half the shaft). Nothing is drawn for a shaft under one pixel.
    /// </summary>
    public void DrawArrow(double xM, double yM, double dxM, double dyM, Rgb24Color color, int headPx)
    {
        double u0 = Layout.ColumnOf(yM), v0 = Layout.RowOf(xM);
        double u1 = Layout.ColumnOf(yM + dyM), v1 = Layout.RowOf(xM + dxM);
        double lengthPx = Math.Sqrt(((u1 - u0) * (u1 - u0)) + ((v1 - v0) * (v1 - v0)));
        if (!(lengthPx >= 1))
        {
            return;
        }

        (int X, int Y) tip = ((int)Math.Floor(u1), (int)Math.Floor(v1));
        DrawPixelLine(((int)Math.Floor(u0), (int)Math.Floor(v0)), tip, color);
        double barbPx = Math.Min(headPx, lengthPx / 2);
        double angle = Math.Atan2(v0 - v1, u0 - u1); // pointing back from the tip along the shaft
        foreach (double side in (ReadOnlySpan<double>)[-Math.PI / 6, Math.PI / 6])
        {
            double barbAngle = angle + side;
            DrawPixelLine(tip, ((int)Math.Floor(u1 + (barbPx * Math.Cos(barbAngle))), (int)Math.Floor(v1 + (barbPx * Math.Sin(barbAngle)))), color);
        }
    }

    /// <summary>
    /// A rectangle centred on ego point (x, y), <paramref name="lengthM"/> along heading <paramref name="headingRad"/>
    /// (from ego x towards ego y) by <paramref name="widthM"/> across, either filled or as a one-pixel outline. A pixel
    /// belongs to it when its centre does. Sides below two pixels are drawn two pixels long, so a small object stays visible.
    /// </summary>
    public void DrawOrientedRect(double xM, double yM, double lengthM, double widthM, double headingRad, Rgb24Color color, bool filled)
    {
        double pixelM = Layout.MetresPerPixel;
        double halfLengthM = Math.Max(lengthM, 2 * pixelM) / 2;
        double halfWidthM = Math.Max(widthM, 2 * pixelM) / 2;
        double cos = Math.Cos(headingRad), sin = Math.Sin(headingRad);
        double reachM = Math.Sqrt((halfLengthM * halfLengthM) + (halfWidthM * halfWidthM));
        PixelRect map = Layout.Map;
        int top = Math.Max(map.Y, (int)Math.Floor(Layout.RowOf(xM + reachM)));
        int bottom = Math.Min(map.Bottom - 1, (int)Math.Floor(Layout.RowOf(xM - reachM)));
        int left = Math.Max(map.X, (int)Math.Floor(Layout.ColumnOf(yM + reachM)));
        int right = Math.Min(map.Right - 1, (int)Math.Floor(Layout.ColumnOf(yM - reachM)));
        for (int row = top; row <= bottom; row++)
        {
            double dxM = Layout.XAtRow(row) - xM;
            for (int column = left; column <= right; column++)
            {
                double dyM = Layout.YAtColumn(column) - yM;
                double alongM = Math.Abs((dxM * cos) + (dyM * sin));
                double acrossM = Math.Abs((-dxM * sin) + (dyM * cos));
                if (alongM > halfLengthM || acrossM > halfWidthM)
                {
                    continue;
                }

                if (filled || alongM > halfLengthM - pixelM || acrossM > halfWidthM - pixelM)
                {
                    SetMapPixel(column, row, color);
                }
            }
        }
    }

    /// <summary>TinyFont text (font pixels <paramref name="scale"/> px square), top-left at pixel (x, y), cut where it would leave <paramref name="clip"/>.</summary>
    public void DrawText(int x, int y, string text, int scale, Rgb24Color color, PixelRect clip) =>
        Rgb24Drawing.DrawText(Rgb24, Layout.WidthPx, x, y, text, scale, color, clip);

    public void FillRect(PixelRect rect, Rgb24Color color) => Rgb24Drawing.FillRect(Rgb24, Layout.WidthPx, rect, color);
}
