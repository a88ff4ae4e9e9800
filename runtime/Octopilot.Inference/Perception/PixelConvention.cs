namespace Octopilot.Inference.Perception;

/// <summary>
/// The two ways pixel coordinates are written, and the one step between them. Models write boxes in pixel-edge
/// coordinates: 0 is the left/top edge of the first pixel, so pixel k's centre is k + 0.5 (CenterNet targets, YOLO,
/// <see cref="ForeignHeads.InputFrameMapping"/>). A <see cref="Detection"/>, the calibration and the BEV projector use
/// pixel centres: pixel k's centre is k and the image spans −0.5 .. size − 0.5 (OpenCV's, CameraCalibration's).
/// Casting a model's box bottom without this step puts it half a pixel low: on the third trained tiny HydraNet that
/// placed cars 2.6 % of range too near within 40 m (signed median, ground contact; issue 12's note).
/// </summary>
public static class PixelConvention
{
    /// <summary>Pixel-centre coordinate of a pixel-edge coordinate (either axis): <c>edgePx − 0.5</c>.</summary>
    public static double EdgeToCentre(double edgePx) => edgePx - 0.5;

    /// <summary>Pixel-edge coordinate of a pixel-centre coordinate (either axis): <c>centrePx + 0.5</c>.</summary>
    public static double CentreToEdge(double centrePx) => centrePx + 0.5;

    /// <summary>A detection's box corners in pixel edges, as detectors, COCO and drawing rectangles take them.</summary>
    public static (double X1, double Y1, double X2, double Y2) EdgeBox(in Detection d)
    {
        double u = CentreToEdge(d.CenterUPx), v = CentreToEdge(d.CenterVPx);
        return (u - (d.WidthPx / 2), v - (d.HeightPx / 2), u + (d.WidthPx / 2), v + (d.HeightPx / 2));
    }
}
