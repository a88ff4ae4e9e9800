namespace Octopilot.Inference.Manifest;

/// <summary>
/// How to feed a foreign model from an RGB uint8 camera frame: the input tensor's name, layout, element type, channel
/// order, value scaling and spatial fit. <see cref="WidthPx"/>/<see cref="HeightPx"/> are the model's input size (taken
/// from the model when its dims are fixed; required in the manifest when they are symbolic).
/// </summary>
public sealed record ManifestInput(
    string Name,
    TensorLayout Layout,
    InputElementType ElementType,
    ColourOrder ColourOrder,
    InputScaling Scaling,
    SpatialFit Fit,
    byte FillValue,
    int? WidthPx,
    int? HeightPx)
{
    /// <summary>Letterbox padding grey. Source: YOLOv5/v8 letterbox default (114).</summary>
    public const byte DefaultFillValue = 114;
}
