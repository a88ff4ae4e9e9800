using Octopilot.Inference.ForeignHeads;

namespace Octopilot.Inference.Tests.ForeignHeads;

/// <summary>
/// Plain references the decoder tests compare against, written the obvious way (no plans, no tables): fits, the
/// bilinear sample of an output plane at a model-input point, and the expected map of a grid.
/// </summary>
internal static class ForeignHeadFixtures
{
    /// <summary>Uniform scale to fit inside the input, centred (the padding is the offset).</summary>
    public static InputFrameMapping Letterbox(int frameW, int frameH, int inputW, int inputH)
    {
        double scale = Math.Min(inputW / (double)frameW, inputH / (double)frameH);
        return new InputFrameMapping(scale, scale, (inputW - (frameW * scale)) / 2, (inputH - (frameH * scale)) / 2);
    }

    /// <summary>Uniform scale to cover the input, centred (negative offsets: what is cut away).</summary>
    public static InputFrameMapping CentreCrop(int frameW, int frameH, int inputW, int inputH)
    {
        double scale = Math.Max(inputW / (double)frameW, inputH / (double)frameH);
        return new InputFrameMapping(scale, scale, (inputW - (frameW * scale)) / 2, (inputH - (frameH * scale)) / 2);
    }

    public static InputFrameMapping Stretch(int frameW, int frameH, int inputW, int inputH) =>
        new(inputW / (double)frameW, inputH / (double)frameH, 0, 0);

    public static double Logit(double p) => Math.Log(p / (1 - p));

    public static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    /// <summary>
    /// Bilinear sample of a row-major w×h plane covering the input uniformly, at input point (x, y): the continuous
    /// output coordinate is clamped to the outermost pixel centres, then the four neighbours are blended.
    /// </summary>
    public static double Bilinear(float[] plane, int w, int h, int inputW, int inputH, double inputX, double inputY)
    {
        double u = Math.Clamp((inputX * w / inputW) - 0.5, 0, w - 1);
        double v = Math.Clamp((inputY * h / inputH) - 0.5, 0, h - 1);
        int x0 = (int)Math.Floor(u), y0 = (int)Math.Floor(v);
        int x1 = Math.Min(x0 + 1, w - 1), y1 = Math.Min(y0 + 1, h - 1);
        double fx = u - x0, fy = v - y0;
        double top = (plane[(y0 * w) + x0] * (1 - fx)) + (plane[(y0 * w) + x1] * fx);
        double bottom = (plane[(y1 * w) + x0] * (1 - fx)) + (plane[(y1 * w) + x1] * fx);
        return (top * (1 - fy)) + (bottom * fy);
    }

    /// <summary>
    /// The expected map of a grid: each cell centre → input point; 0 when off the frame or outside the input, else the
    /// bilinear sample. Also returns how many cells were outside.
    /// </summary>
    public static (double[] Map, int Outside) ReferenceMap(
        float[] plane, int w, int h, FrameInputGeometry g, int gridW, int gridH, double cellW, double cellH)
    {
        var map = new double[gridW * gridH];
        int outside = 0;
        for (int j = 0; j < gridH; j++)
        {
            for (int i = 0; i < gridW; i++)
            {
                double fx = (i + 0.5) * cellW, fy = (j + 0.5) * cellH;
                double ix = g.Mapping.ToInputX(fx), iy = g.Mapping.ToInputY(fy);
                bool inside = fx >= 0 && fx <= g.FrameWidthPx && fy >= 0 && fy <= g.FrameHeightPx
                    && ix >= 0 && ix <= g.InputWidthPx && iy >= 0 && iy <= g.InputHeightPx;
                if (!inside)
                {
                    outside++;
                    continue;
                }

                map[(j * gridW) + i] = Bilinear(plane, w, h, g.InputWidthPx, g.InputHeightPx, ix, iy);
            }
        }

        return (map, outside);
    }

    public static float[] RandomPlane(int count, int seed, float min = 0f, float max = 1f)
    {
        var random = new Random(seed);
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = min + ((max - min) * random.NextSingle());
        }

        return values;
    }
}
