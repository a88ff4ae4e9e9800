using Octopilot.Inference.Manifest;

namespace Octopilot.Inference.Tests.Preprocessing;

/// <summary>Manifest inputs, scalings and frames the preprocessing tests share.</summary>
internal static class PreprocessingCases
{
    /// <summary>ImageNet mean/std (torchvision), the usual meanStd scaling.</summary>
    public static readonly double[] ImageNetMean = [0.485, 0.456, 0.406];

    public static readonly double[] ImageNetStd = [0.229, 0.224, 0.225];

    public static readonly string[] ScalingNames = ["none", "divide255", "meanStd", "affine"];

    public static InputScaling Scaling(string name) => name switch
    {
        "none" => InputScaling.Identity,
        "divide255" => InputScaling.DivideBy255,
        "meanStd" => InputScaling.MeanStd(ImageNetMean, ImageNetStd),

        // A different offset and divisor per channel, one negative, so a channel mix-up cannot pass.
        "affine" => new InputScaling([10, 128, 250], [50, 2, -64]),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown scaling case"),
    };

    public static ManifestInput Input(
        TensorLayout layout = TensorLayout.Nchw,
        InputElementType elementType = InputElementType.Float32,
        ColourOrder order = ColourOrder.Rgb,
        InputScaling? scaling = null,
        SpatialFit fit = SpatialFit.Stretch,
        byte fill = ManifestInput.DefaultFillValue,
        int? widthPx = null,
        int? heightPx = null) =>
        new("images", layout, elementType, order, scaling ?? InputScaling.Identity, fit, fill, widthPx, heightPx);

    /// <summary>Random bytes: the worst case for a resampler (every tap differs from its neighbours).</summary>
    public static byte[] RandomFrame(int widthPx, int heightPx, int seed)
    {
        var frame = new byte[widthPx * heightPx * 3];
        new Random(seed).NextBytes(frame);
        return frame;
    }
}
