namespace Octopilot.Inference.ForeignHeads;

/// <summary>
/// Where a camera-frame point lands in the model input: <c>inputX = frameX·ScaleX + OffsetX</c>,
/// <c>inputY = frameY·ScaleY + OffsetY</c>, in continuous pixel coordinates (0 is the left/top edge of the first pixel,
/// so pixel k's centre is k + 0.5). Stretch, letterbox and centre crop are all such maps: letterbox has equal scales and
/// offsets ≥ 0 (the padding), centre crop equal scales and offsets ≤ 0 (what is cut away). Scales are positive and
/// finite: no fit flips or collapses the image. <see cref="From"/> takes it from the preprocessor's <c>FrameFit</c>, so the
/// decoders invert exactly the placement the preprocessor made (whole-pixel, as YOLOv5's letterbox).
/// </summary>
public readonly struct InputFrameMapping
{
    public InputFrameMapping(double scaleX, double scaleY, double offsetX, double offsetY)
    {
        if (!(double.IsFinite(scaleX) && scaleX > 0) || !(double.IsFinite(scaleY) && scaleY > 0))
        {
            ForeignHeadThrowHelper.ThrowPlan(
                nameof(scaleX), ForeignHeadThrowHelper.Format($"InputFrameMapping scales ({scaleX}, {scaleY})"), "both scales must be finite and > 0");
        }

        if (!double.IsFinite(offsetX) || !double.IsFinite(offsetY))
        {
            ForeignHeadThrowHelper.ThrowPlan(
                nameof(offsetX), ForeignHeadThrowHelper.Format($"InputFrameMapping offsets ({offsetX}, {offsetY})"), "both offsets must be finite");
        }

        ScaleX = scaleX;
        ScaleY = scaleY;
        OffsetX = offsetX;
        OffsetY = offsetY;
    }

    /// <summary>The mapping of a preprocessor's fit (the one the model input was made with).</summary>
    public static InputFrameMapping From(in Preprocessing.FrameFit fit) => new(fit.ScaleX, fit.ScaleY, fit.OffsetXPx, fit.OffsetYPx);

    /// <summary>The frame is the model input (the contract HydraNet's case).</summary>
    public static InputFrameMapping Identity => new(1, 1, 0, 0);

    /// <summary>Model-input pixels per frame pixel along x.</summary>
    public double ScaleX { get; }

    /// <summary>Model-input pixels per frame pixel along y.</summary>
    public double ScaleY { get; }

    /// <summary>Model-input x of frame x = 0, in model-input pixels.</summary>
    public double OffsetX { get; }

    /// <summary>Model-input y of frame y = 0, in model-input pixels.</summary>
    public double OffsetY { get; }

    /// <summary>False for <c>default(InputFrameMapping)</c>, which no constructor can make.</summary>
    public bool IsValid => ScaleX > 0 && ScaleY > 0;

    public double ToInputX(double frameX) => (frameX * ScaleX) + OffsetX;

    public double ToInputY(double frameY) => (frameY * ScaleY) + OffsetY;

    public double ToFrameX(double inputX) => (inputX - OffsetX) / ScaleX;

    public double ToFrameY(double inputY) => (inputY - OffsetY) / ScaleY;
}
