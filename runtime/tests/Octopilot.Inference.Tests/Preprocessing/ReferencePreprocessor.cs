using Octopilot.Inference.Manifest;

namespace Octopilot.Inference.Tests.Preprocessing;

/// <summary>
/// The preprocessing spec written as plainly as possible, in doubles, one output value at a time, sharing no code with
/// <c>FramePreprocessor</c> (its geometry is re-derived here from the rules, not taken from <c>FrameFit</c>):
/// <list type="bullet">
/// <item>Fit: stretch fills the input; letterbox scales by r = min(inW/W, inH/H) to round(W·r) × round(H·r) (Python's
/// round: half to even) placed at ⌊(in − scaled)/2⌋; centre crop scales by r = max(...) to at least the input, placed at
/// −⌊(scaled − in)/2⌋.</item>
/// <item>Bilinear with half-pixel centres (OpenCV INTER_LINEAR, PyTorch align_corners=False): input pixel i samples the
/// frame at ((i + 0.5 − offset)·frame/scaled) − 0.5, clamped to [0, frame − 1], taps ⌊p⌋ and min(⌊p⌋ + 1, frame − 1).</item>
/// <item>Model channel c takes frame channel c (RGB) or 2 − c (BGR); value = (x − offset[c]) / divisor[c]; letterbox
/// bars take x = fill.</item>
/// </list>
/// Lives next to its tests because this task may only add files under Preprocessing/ (it belongs in Infrastructure/).
/// </summary>
internal static class ReferencePreprocessor
{
    /// <summary>Expected values of one image, [model channel, y, x], before conversion to the tensor's element type.</summary>
    public static double[,,] Run(byte[] frame, int frameWidthPx, int frameHeightPx, int inputWidthPx, int inputHeightPx, ManifestInput input)
    {
        (int scaledWidthPx, int offsetX) = FitAxis(input.Fit, frameWidthPx, inputWidthPx, UniformRatio(input.Fit, frameWidthPx, frameHeightPx, inputWidthPx, inputHeightPx));
        (int scaledHeightPx, int offsetY) = FitAxis(input.Fit, frameHeightPx, inputHeightPx, UniformRatio(input.Fit, frameWidthPx, frameHeightPx, inputWidthPx, inputHeightPx));
        var result = new double[3, inputHeightPx, inputWidthPx];
        for (int y = 0; y < inputHeightPx; y++)
        {
            for (int x = 0; x < inputWidthPx; x++)
            {
                bool inside = x >= offsetX && x < offsetX + scaledWidthPx && y >= offsetY && y < offsetY + scaledHeightPx;
                double frameX = ((x + 0.5 - offsetX) * frameWidthPx / scaledWidthPx) - 0.5;
                double frameY = ((y + 0.5 - offsetY) * frameHeightPx / scaledHeightPx) - 0.5;
                for (int c = 0; c < 3; c++)
                {
                    int frameChannel = input.ColourOrder == ColourOrder.Bgr ? 2 - c : c;
                    double value = inside ? Sample(frame, frameWidthPx, frameHeightPx, frameChannel, frameX, frameY) : input.FillValue;
                    result[c, y, x] = (value - input.Scaling.Offset[c]) / input.Scaling.Divisor[c];
                }
            }
        }

        return result;
    }

    /// <summary>Index of (image, channel, y, x) in a tensor of that layout.</summary>
    public static int IndexOf(TensorLayout layout, int widthPx, int heightPx, int image, int channel, int y, int x) =>
        layout == TensorLayout.Nchw
            ? (((((image * 3) + channel) * heightPx) + y) * widthPx) + x
            : (((((image * heightPx) + y) * widthPx) + x) * 3) + channel;

    private static double UniformRatio(SpatialFit fit, int frameWidthPx, int frameHeightPx, int inputWidthPx, int inputHeightPx)
    {
        double rx = (double)inputWidthPx / frameWidthPx, ry = (double)inputHeightPx / frameHeightPx;
        return fit == SpatialFit.Letterbox ? Math.Min(rx, ry) : Math.Max(rx, ry);
    }

    private static (int ScaledPx, int OffsetPx) FitAxis(SpatialFit fit, int framePx, int inputPx, double ratio)
    {
        switch (fit)
        {
            case SpatialFit.Stretch:
                return (inputPx, 0);
            case SpatialFit.Letterbox:
            {
                int scaled = Math.Min(inputPx, Math.Max(1, (int)Math.Round(framePx * ratio, MidpointRounding.ToEven)));
                return (scaled, (int)Math.Floor((inputPx - scaled) / 2.0));
            }

            default:
            {
                int scaled = Math.Max(inputPx, (int)Math.Round(framePx * ratio, MidpointRounding.ToEven));
                return (scaled, -(int)Math.Floor((scaled - inputPx) / 2.0));
            }
        }
    }

    private static double Sample(byte[] frame, int widthPx, int heightPx, int channel, double x, double y)
    {
        x = Math.Clamp(x, 0, widthPx - 1);
        y = Math.Clamp(y, 0, heightPx - 1);
        int x0 = (int)Math.Floor(x), y0 = (int)Math.Floor(y);
        int x1 = Math.Min(x0 + 1, widthPx - 1), y1 = Math.Min(y0 + 1, heightPx - 1);
        double fx = x - x0, fy = y - y0;
        double Pixel(int px, int py) => frame[(((py * widthPx) + px) * 3) + channel];
        double top = ((1 - fx) * Pixel(x0, y0)) + (fx * Pixel(x1, y0));
        double bottom = ((1 - fx) * Pixel(x0, y1)) + (fx * Pixel(x1, y1));
        return ((1 - fy) * top) + (fy * bottom);
    }
}
