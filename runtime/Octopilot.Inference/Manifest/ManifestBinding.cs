namespace Octopilot.Inference.Manifest;

/// <summary>
/// A manifest checked against its model: the concrete input size and batch, and each head's output shapes with the
/// batch dim resolved to <see cref="ImagesPerRun"/>. What the engine allocates and binds by.
/// </summary>
/// <param name="ImagesPerRun">1: the model takes one image (it runs once per camera); otherwise the rig's camera count
/// (fixed batch equal to it, or a dynamic batch).</param>
/// <param name="OutputShapes">Per model output name the head reads: its shape for one run.</param>
public sealed record ManifestBinding(
    ModelManifest Manifest,
    int InputWidthPx,
    int InputHeightPx,
    int ImagesPerRun,
    IReadOnlyDictionary<string, int[]> OutputShapes)
{
    public ManifestInput Input => Manifest.Input;

    /// <summary>Elements of one image in the input tensor (3·H·W).</summary>
    public int InputElementsPerImage => 3 * InputWidthPx * InputHeightPx;
}
