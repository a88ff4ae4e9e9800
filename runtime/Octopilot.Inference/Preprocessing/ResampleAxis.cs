namespace Octopilot.Inference.Preprocessing;

/// <summary>
/// The bilinear taps of one axis, computed once: for each model-input index that shows frame content, the first source
/// pixel and the weight of the next one. Immutable.
/// <para>
/// Half-pixel centres (OpenCV <c>INTER_LINEAR</c>, PyTorch <c>align_corners=False</c>): input index i has its centre at
/// i + 0.5, which lies at frame coordinate (i + 0.5 − offset)·frame/scaled, whose pixel-index position is that minus 0.5.
/// Positions are clamped to [0, frame − 1] (edge pixels repeat, as OpenCV's replicated border); the first tap is kept at
/// most frame − 2 so the second tap always exists, which gives weight 1 at the right edge instead of weight 0 one
/// pixel further (same value, no bounds test in the loop).
/// </para>
/// </summary>
internal sealed class ResampleAxis
{
    private ResampleAxis(int contentStart, int contentEnd, int[] source0, float[] weight)
    {
        ContentStart = contentStart;
        ContentEnd = contentEnd;
        Source0 = source0;
        Weight = weight;
    }

    /// <summary>First input index that shows the frame; those before it are letterbox padding.</summary>
    public int ContentStart { get; }

    /// <summary>One past the last input index that shows the frame; those from it on are letterbox padding.</summary>
    public int ContentEnd { get; }

    public int ContentLength => ContentEnd - ContentStart;

    /// <summary>Per content index (0 = <see cref="ContentStart"/>): the first source pixel, 0..frame − 2.</summary>
    public int[] Source0 { get; }

    /// <summary>Per content index: the weight of pixel <see cref="Source0"/> + 1, in [0, 1].</summary>
    public float[] Weight { get; }

    /// <summary>
    /// Taps for a frame of <paramref name="frameLengthPx"/> (at least 2) scaled to <paramref name="scaledLengthPx"/> input
    /// pixels and shifted by <paramref name="offsetPx"/> into an input of <paramref name="inputLengthPx"/>.
    /// </summary>
    public static ResampleAxis Build(int frameLengthPx, int inputLengthPx, int scaledLengthPx, int offsetPx)
    {
        int start = Math.Max(0, offsetPx);
        int end = Math.Min(inputLengthPx, offsetPx + scaledLengthPx);
        double framePerInput = frameLengthPx / (double)scaledLengthPx;
        var source0 = new int[end - start];
        var weight = new float[end - start];
        for (int i = start; i < end; i++)
        {
            double position = Math.Clamp(((i + 0.5 - offsetPx) * framePerInput) - 0.5, 0, frameLengthPx - 1);
            int first = Math.Min((int)Math.Floor(position), frameLengthPx - 2);
            source0[i - start] = first;
            weight[i - start] = (float)(position - first);
        }

        return new ResampleAxis(start, end, source0, weight);
    }
}
