namespace Octopilot.Inference.ForeignHeads;

/// <summary>
/// The two rectangles every foreign-head decoder relates: the camera frame (what the runtime's maps and detections are
/// in) and the model input (what the model's outputs cover), plus the <see cref="InputFrameMapping"/> between them.
/// Validated once, when built.
/// </summary>
public readonly struct FrameInputGeometry
{
    public FrameInputGeometry(int frameWidthPx, int frameHeightPx, int inputWidthPx, int inputHeightPx, InputFrameMapping mapping)
    {
        if (frameWidthPx <= 0 || frameHeightPx <= 0)
        {
            ForeignHeadThrowHelper.ThrowPlan(
                nameof(frameWidthPx), ForeignHeadThrowHelper.Format($"frame {frameWidthPx}x{frameHeightPx} px"), "the frame's width and height must be > 0");
        }

        if (inputWidthPx <= 0 || inputHeightPx <= 0)
        {
            ForeignHeadThrowHelper.ThrowPlan(
                nameof(inputWidthPx), ForeignHeadThrowHelper.Format($"model input {inputWidthPx}x{inputHeightPx} px"), "the model input's width and height must be > 0");
        }

        if (!mapping.IsValid)
        {
            ForeignHeadThrowHelper.ThrowPlan(nameof(mapping), "InputFrameMapping", "default(InputFrameMapping) has zero scales; build it with its constructor");
        }

        FrameWidthPx = frameWidthPx;
        FrameHeightPx = frameHeightPx;
        InputWidthPx = inputWidthPx;
        InputHeightPx = inputHeightPx;
        Mapping = mapping;
    }

    public int FrameWidthPx { get; }

    public int FrameHeightPx { get; }

    public int InputWidthPx { get; }

    public int InputHeightPx { get; }

    public InputFrameMapping Mapping { get; }

    internal bool IsValid => Mapping.IsValid && FrameWidthPx > 0 && InputWidthPx > 0;

    internal static void ThrowIfDefault(in FrameInputGeometry geometry, string paramName)
    {
        if (!geometry.IsValid)
        {
            ForeignHeadThrowHelper.ThrowPlan(paramName, "FrameInputGeometry", "default(FrameInputGeometry) has no sizes; build it with its constructor");
        }
    }
}
