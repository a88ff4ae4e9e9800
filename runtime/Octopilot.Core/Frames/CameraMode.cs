namespace Octopilot.Core.Frames;

/// <summary>
/// The capture mode a camera is opened with. Validated on construction: a mode that exists is a valid one.
/// </summary>
public readonly record struct CameraMode
{
    /// <summary>Largest frame side accepted, pixels: 8K is far beyond any automotive imager today.</summary>
    public const int MaxSidePx = 8192;

    /// <summary>Highest rate accepted, frames per second.</summary>
    public const double MaxFramesPerSecond = 240;

    public CameraMode(int widthPx, int heightPx, PixelFormat pixelFormat, double framesPerSecond)
    {
        if (widthPx <= 0 || heightPx <= 0 || widthPx > MaxSidePx || heightPx > MaxSidePx)
        {
            throw new ArgumentOutOfRangeException(nameof(widthPx),
                $"camera mode size must be 1..{MaxSidePx} px per side, got {widthPx}x{heightPx}");
        }

        if (!(framesPerSecond > 0 && framesPerSecond <= MaxFramesPerSecond))
        {
            throw new ArgumentOutOfRangeException(nameof(framesPerSecond),
                $"camera mode rate must be in (0, {MaxFramesPerSecond}] fps, got {framesPerSecond}");
        }

        WidthPx = widthPx;
        HeightPx = heightPx;
        PixelFormat = pixelFormat;
        FramesPerSecond = framesPerSecond;
    }

    public int WidthPx { get; }

    public int HeightPx { get; }

    public PixelFormat PixelFormat { get; }

    public double FramesPerSecond { get; }

    public long FramePeriodNs => Time.TimeUnits.PeriodNs(FramesPerSecond);

    public int BytesPerPixel => PixelFormat == PixelFormat.Rgb24 ? 3 : 2;

    public int RowBytes => WidthPx * BytesPerPixel;

    public int FrameBytes => RowBytes * HeightPx;

    public override string ToString() =>
        FormattableString.Invariant($"{WidthPx}x{HeightPx} {PixelFormat} @ {FramesPerSecond:0.##} fps");
}
