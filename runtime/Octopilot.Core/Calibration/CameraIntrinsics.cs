namespace Octopilot.Core.Calibration;

/// <summary>
/// Pinhole intrinsics in pixels for an image of <see cref="WidthPx"/> x <see cref="HeightPx"/>.
/// Pixel (0,0) is the centre of the top-left pixel (OpenCV convention).
/// </summary>
public readonly record struct CameraIntrinsics(
    double FxPx, double FyPx, double CxPx, double CyPx, LensDistortion Distortion, int WidthPx, int HeightPx)
{
    /// <summary>
    /// The same lens seen at another resolution of the same aspect ratio: focal lengths and principal point
    /// scale with the image (pixel centres: c' = (c + 0.5)·s − 0.5). Distortion is in normalised units and does not change.
    /// </summary>
    public CameraIntrinsics ScaledTo(int widthPx, int heightPx)
    {
        double sx = widthPx / (double)WidthPx;
        double sy = heightPx / (double)HeightPx;
        return new CameraIntrinsics(
            FxPx * sx, FyPx * sy, ((CxPx + 0.5) * sx) - 0.5, ((CyPx + 0.5) * sy) - 0.5, Distortion, widthPx, heightPx);
    }

    /// <summary>Horizontal field of view in radians of the undistorted pinhole.</summary>
    public double HorizontalFovRad => 2 * Math.Atan(WidthPx / (2 * FxPx));
}
