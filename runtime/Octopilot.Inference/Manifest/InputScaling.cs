namespace Octopilot.Inference.Manifest;

/// <summary>
/// Per-channel affine map from a frame byte x (0..255) to the model's value: (x − <see cref="Offset"/>[c]) /
/// <see cref="Divisor"/>[c], in the model's channel order. Every manifest scaling becomes one: none (0, 1), /255 (0, 255),
/// mean/std on x/255 (255·mean, 255·std), or an explicit (x − a)/b. One multiply-add per value in the fused pass.
/// </summary>
public sealed record InputScaling(IReadOnlyList<double> Offset, IReadOnlyList<double> Divisor)
{
    public static InputScaling Identity { get; } = new([0, 0, 0], [1, 1, 1]);

    public static InputScaling DivideBy255 { get; } = new([0, 0, 0], [255, 255, 255]);

    /// <summary>ImageNet-style normalisation of x/255: ((x/255) − mean) / std.</summary>
    public static InputScaling MeanStd(IReadOnlyList<double> mean, IReadOnlyList<double> std) =>
        new(mean.Select(m => m * 255).ToArray(), std.Select(s => s * 255).ToArray());

    /// <summary>Scale per channel (1/divisor).</summary>
    public float ScaleAt(int channel) => (float)(1 / Divisor[channel]);

    /// <summary>Bias per channel (−offset/divisor), so value = x·scale + bias.</summary>
    public float BiasAt(int channel) => (float)(-Offset[channel] / Divisor[channel]);
}
