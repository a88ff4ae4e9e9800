using System.Globalization;
using Octopilot.Inference.Manifest;

namespace Octopilot.Inference.Preprocessing;

/// <summary>
/// Where a camera frame lands in a model's input rectangle: input = frame·scale + offset per axis, so
/// frameX = (inputX − <see cref="OffsetXPx"/>) / <see cref="ScaleX"/>. Decoders use it to map boxes and map cells given
/// in model-input pixels back to frame pixels.
/// <para>
/// Coordinates are continuous, in pixels, in both rectangles: the left edge of the image is 0, pixel i covers [i, i + 1)
/// and its centre is at i + 0.5 (the half-pixel convention of OpenCV's resize and PyTorch's
/// <c>align_corners=False</c>). So the frame's corners (0, 0) and (W, H) map to the corners of the scaled frame.
/// </para>
/// <para>
/// The scaled frame has a whole number of input pixels on each axis (<see cref="ScaledWidthPx"/> ×
/// <see cref="ScaledHeightPx"/>) and whole-pixel offsets, as YOLOv5's letterbox makes it: the scale per axis is
/// scaled size / frame size, which for letterbox and centre crop can differ from the uniform ratio by under half an input
/// pixel over the frame. Built by <see cref="For"/>; immutable.
/// </para>
/// </summary>
public readonly struct FrameFit
{
    private FrameFit(int frameWidthPx, int frameHeightPx, int scaledWidthPx, int scaledHeightPx, int offsetXPx, int offsetYPx)
    {
        ScaledWidthPx = scaledWidthPx;
        ScaledHeightPx = scaledHeightPx;
        ScaleX = scaledWidthPx / (double)frameWidthPx;
        ScaleY = scaledHeightPx / (double)frameHeightPx;
        OffsetXPx = offsetXPx;
        OffsetYPx = offsetYPx;
    }

    /// <summary>Model-input pixels per frame pixel along x.</summary>
    public double ScaleX { get; }

    /// <summary>Model-input pixels per frame pixel along y.</summary>
    public double ScaleY { get; }

    /// <summary>Input x of the frame's left edge: &gt; 0 for letterbox side bars, &lt; 0 where centre crop cuts the sides.</summary>
    public double OffsetXPx { get; }

    /// <summary>Input y of the frame's top edge: &gt; 0 for letterbox top/bottom bars, &lt; 0 where centre crop cuts.</summary>
    public double OffsetYPx { get; }

    /// <summary>Width of the whole scaled frame in input pixels (larger than the input where centre crop cuts).</summary>
    public int ScaledWidthPx { get; }

    /// <summary>Height of the whole scaled frame in input pixels (larger than the input where centre crop cuts).</summary>
    public int ScaledHeightPx { get; }

    /// <summary>
    /// The fit of a <paramref name="frameWidthPx"/> × <paramref name="frameHeightPx"/> frame into a
    /// <paramref name="inputWidthPx"/> × <paramref name="inputHeightPx"/> model input:
    /// <list type="bullet">
    /// <item><see cref="SpatialFit.Stretch"/>: the frame fills the input; offsets 0.</item>
    /// <item><see cref="SpatialFit.Letterbox"/>: r = min(inW/W, inH/H); scaled size round(W·r) × round(H·r) (round half to
    /// even, as Python's <c>round</c> in YOLOv5's letterbox); offsets ⌊(in − scaled)/2⌋, so an odd leftover pixel of padding
    /// goes to the right or bottom.</item>
    /// <item><see cref="SpatialFit.CentreCrop"/>: r = max(inW/W, inH/H); scaled size round(W·r) × round(H·r), at least the
    /// input; offsets −⌊(scaled − in)/2⌋, so an odd leftover pixel is cut on the right or bottom.</item>
    /// </list>
    /// Throws <see cref="ArgumentOutOfRangeException"/> for a size under 1 or an unknown fit.
    /// </summary>
    public static FrameFit For(SpatialFit fit, int frameWidthPx, int frameHeightPx, int inputWidthPx, int inputHeightPx)
    {
        PreprocessorThrowHelper.ThrowIfBelow(frameWidthPx, 1, nameof(frameWidthPx), "a frame must be at least 1 px wide");
        PreprocessorThrowHelper.ThrowIfBelow(frameHeightPx, 1, nameof(frameHeightPx), "a frame must be at least 1 px high");
        PreprocessorThrowHelper.ThrowIfBelow(inputWidthPx, 1, nameof(inputWidthPx), "a model input must be at least 1 px wide");
        PreprocessorThrowHelper.ThrowIfBelow(inputHeightPx, 1, nameof(inputHeightPx), "a model input must be at least 1 px high");
        double ratioX = inputWidthPx / (double)frameWidthPx;
        double ratioY = inputHeightPx / (double)frameHeightPx;
        switch (fit)
        {
            case SpatialFit.Stretch:
                return new FrameFit(frameWidthPx, frameHeightPx, inputWidthPx, inputHeightPx, 0, 0);

            case SpatialFit.Letterbox:
            {
                double ratio = Math.Min(ratioX, ratioY);
                int scaledWidthPx = Math.Clamp((int)Math.Round(frameWidthPx * ratio), 1, inputWidthPx);
                int scaledHeightPx = Math.Clamp((int)Math.Round(frameHeightPx * ratio), 1, inputHeightPx);
                return new FrameFit(frameWidthPx, frameHeightPx, scaledWidthPx, scaledHeightPx,
                    (inputWidthPx - scaledWidthPx) / 2, (inputHeightPx - scaledHeightPx) / 2);
            }

            case SpatialFit.CentreCrop:
            {
                double ratio = Math.Max(ratioX, ratioY);
                int scaledWidthPx = Math.Max((int)Math.Round(frameWidthPx * ratio), inputWidthPx);
                int scaledHeightPx = Math.Max((int)Math.Round(frameHeightPx * ratio), inputHeightPx);
                return new FrameFit(frameWidthPx, frameHeightPx, scaledWidthPx, scaledHeightPx,
                    -((scaledWidthPx - inputWidthPx) / 2), -((scaledHeightPx - inputHeightPx) / 2));
            }

            default:
                PreprocessorThrowHelper.ThrowUnknown(nameof(fit), fit);
                return default;
        }
    }

    /// <summary>Frame x of a model-input x (continuous pixels, see the type's remarks).</summary>
    public double ToFrameX(double inputX) => (inputX - OffsetXPx) / ScaleX;

    /// <summary>Frame y of a model-input y.</summary>
    public double ToFrameY(double inputY) => (inputY - OffsetYPx) / ScaleY;

    /// <summary>Model-input x of a frame x.</summary>
    public double ToInputX(double frameX) => (frameX * ScaleX) + OffsetXPx;

    /// <summary>Model-input y of a frame y.</summary>
    public double ToInputY(double frameY) => (frameY * ScaleY) + OffsetYPx;

    /// <summary>A model-input point in frame pixels (may fall outside the frame: letterbox bars map outside it).</summary>
    public (double X, double Y) ToFrame(double inputX, double inputY) => (ToFrameX(inputX), ToFrameY(inputY));

    /// <summary>A frame point in model-input pixels (may fall outside the input where centre crop cuts).</summary>
    public (double X, double Y) ToInput(double frameX, double frameY) => (ToInputX(frameX), ToInputY(frameY));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"input = frame x ({ScaleX:0.######}, {ScaleY:0.######}) + ({OffsetXPx}, {OffsetYPx}) px; scaled frame {ScaledWidthPx}x{ScaledHeightPx}");
}
