namespace Octopilot.Core.Calibration;

/// <summary>
/// Brown–Conrady radial-tangential distortion (the OpenCV "plumb bob" model used by KITTI,
/// Argoverse and most automotive calibrations): k1, k2, k3 radial; p1, p2 tangential.
/// Applies to normalised image coordinates (x/z, y/z).
/// </summary>
public readonly record struct LensDistortion(double K1, double K2, double P1, double P2, double K3)
{
    public static LensDistortion None => default;

    public bool IsZero => K1 == 0 && K2 == 0 && P1 == 0 && P2 == 0 && K3 == 0;

    /// <summary>Maps undistorted normalised coordinates to distorted ones.</summary>
    public (double X, double Y) Distort(double x, double y)
    {
        double r2 = (x * x) + (y * y);
        double radial = 1 + (r2 * (K1 + (r2 * (K2 + (r2 * K3)))));
        double xd = (x * radial) + (2 * P1 * x * y) + (P2 * (r2 + (2 * x * x)));
        double yd = (y * radial) + (P1 * (r2 + (2 * y * y))) + (2 * P2 * x * y);
        return (xd, yd);
    }

    /// <summary>
    /// Inverts <see cref="Distort"/> by fixed-point iteration (the OpenCV undistortPoints scheme).
    /// Converges to well under 1e-9 for the mild distortion of automotive lenses inside the image.
    /// </summary>
    public (double X, double Y) Undistort(double xd, double yd)
    {
        if (IsZero)
        {
            return (xd, yd);
        }

        double x = xd, y = yd;
        for (int iteration = 0; iteration < 50; iteration++)
        {
            double r2 = (x * x) + (y * y);
            double radial = 1 + (r2 * (K1 + (r2 * (K2 + (r2 * K3)))));
            double dx = (2 * P1 * x * y) + (P2 * (r2 + (2 * x * x)));
            double dy = (P1 * (r2 + (2 * y * y))) + (2 * P2 * x * y);
            double nextX = (xd - dx) / radial;
            double nextY = (yd - dy) / radial;
            bool converged = Math.Abs(nextX - x) < 1e-12 && Math.Abs(nextY - y) < 1e-12;
            x = nextX;
            y = nextY;
            if (converged)
            {
                break;
            }
        }

        return (x, y);
    }
}
