namespace Octopilot.Inference.Perception;

/// <summary>
/// One decoded object of one camera, in that camera's input pixels (after the score threshold; finite by construction).
/// Coordinates are pixel centres, as the calibration's: pixel k's centre is k, the image spans −0.5 .. size − 0.5; the
/// decoders convert from the models' pixel edges (<see cref="PixelConvention"/>).
/// </summary>
/// <param name="Score">Detection confidence in [0, 1].</param>
/// <param name="ClassIndex">Index into the model's class list.</param>
/// <param name="CenterUPx">Box centre column.</param>
/// <param name="CenterVPx">Box centre row.</param>
/// <param name="WidthPx">Box width.</param>
/// <param name="HeightPx">Box height.</param>
/// <param name="DepthM">Distance along the camera's optical axis, metres; 0 when perception gave none.</param>
/// <param name="Range">Where <paramref name="DepthM"/> came from.</param>
public readonly record struct Detection(
    float Score, int ClassIndex, float CenterUPx, float CenterVPx, float WidthPx, float HeightPx, float DepthM,
    RangeSource Range = RangeSource.GroundContact);
