namespace Octopilot.Cameras.V4l2.Device;

/// <summary>One VIDIOC_ENUM_FRAMESIZES answer: a discrete size (Min = Max, steps 0) or a stepwise/continuous range.</summary>
public readonly record struct V4l2FrameSize(int MinWidthPx, int MaxWidthPx, int StepWidthPx, int MinHeightPx, int MaxHeightPx, int StepHeightPx)
{
    public static V4l2FrameSize Discrete(int widthPx, int heightPx) => new(widthPx, widthPx, 0, heightPx, heightPx, 0);

    public bool IsDiscrete => MinWidthPx == MaxWidthPx && MinHeightPx == MaxHeightPx;

    /// <summary>True when this entry allows exactly <paramref name="widthPx"/> x <paramref name="heightPx"/>.</summary>
    public bool Allows(int widthPx, int heightPx) =>
        Fits(widthPx, MinWidthPx, MaxWidthPx, StepWidthPx) && Fits(heightPx, MinHeightPx, MaxHeightPx, StepHeightPx);

    public override string ToString() => IsDiscrete
        ? $"{MinWidthPx}x{MinHeightPx}"
        : $"{MinWidthPx}..{MaxWidthPx} (step {StepWidthPx}) x {MinHeightPx}..{MaxHeightPx} (step {StepHeightPx})";

    private static bool Fits(int value, int min, int max, int step) =>
        value >= min && value <= max && (step <= 1 || (value - min) % step == 0);
}
