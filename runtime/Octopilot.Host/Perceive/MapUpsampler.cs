namespace Octopilot.Host.Perceive;

/// <summary>
/// A runtime map (cells of <c>stride</c> frame pixels, cell (i, j)'s centre at ((i + ½)·stride, (j + ½)·stride)) sampled
/// bilinearly at every pixel centre of an image <c>scale</c> times the frame's size: masks at the image's resolution.
/// Values outside the map's centres are clamped to its edge.
/// </summary>
internal static class MapUpsampler
{
    public static float[] ToImage(ReadOnlySpan<float> map, int mapWidth, int mapHeight, double cellPerImagePxX, double cellPerImagePxY, int imageWidthPx, int imageHeightPx)
    {
        var image = new float[imageWidthPx * imageHeightPx];
        for (int y = 0; y < imageHeightPx; y++)
        {
            double v = Math.Clamp(((y + 0.5) * cellPerImagePxY) - 0.5, 0, mapHeight - 1);
            int y0 = (int)v;
            int y1 = Math.Min(y0 + 1, mapHeight - 1);
            double fy = v - y0;
            for (int x = 0; x < imageWidthPx; x++)
            {
                double u = Math.Clamp(((x + 0.5) * cellPerImagePxX) - 0.5, 0, mapWidth - 1);
                int x0 = (int)u;
                int x1 = Math.Min(x0 + 1, mapWidth - 1);
                double fx = u - x0;
                double top = (map[(y0 * mapWidth) + x0] * (1 - fx)) + (map[(y0 * mapWidth) + x1] * fx);
                double bottom = (map[(y1 * mapWidth) + x0] * (1 - fx)) + (map[(y1 * mapWidth) + x1] * fx);
                image[(y * imageWidthPx) + x] = (float)((top * (1 - fy)) + (bottom * fy));
            }
        }

        return image;
    }
}
