using Octopilot.Planner.Lateral;

namespace Octopilot.Planner.Tests.Lateral;

/// <summary>
/// Test helper: a road of constant curvature (0 = straight) in the world frame, starting at the origin heading +x, with
/// lanes of <see cref="LaneWidthM"/> (lane n's centre is n·width left of lane 0's). Gives station/offset of a pose
/// and the ground-truth centre line of a lane in the ego frame, as a lane fitter would: a least-squares cubic through
/// points sampled along the lane from 5 m behind to 70 m ahead.
/// </summary>
internal sealed class ConstantCurvatureRoad(double curvaturePerM, double laneWidthM = 3.5)
{
    private const int Samples = 31;

    public double CurvaturePerM { get; } = curvaturePerM;

    public double LaneWidthM { get; } = laneWidthM;

    /// <summary>World point of station s (m along lane 0's centre) at lateral offset o (m, positive left).</summary>
    public (double XM, double YM, double HeadingRad) PointAt(double stationM, double offsetM)
    {
        double k = CurvaturePerM;
        if (k == 0)
        {
            return (stationM, offsetM, 0);
        }

        double angle = k * stationM;
        double x = (Math.Sin(angle) / k) - (offsetM * Math.Sin(angle));
        double y = ((1 - Math.Cos(angle)) / k) + (offsetM * Math.Cos(angle));
        return (x, y, angle);
    }

    /// <summary>Station and offset from lane 0's centre (positive left) of a world point.</summary>
    public (double StationM, double OffsetM) Project(double xM, double yM)
    {
        double k = CurvaturePerM;
        if (k == 0)
        {
            return (xM, yM);
        }

        // (P − C)·k = (1 − k·o)(sin ks, −cos ks) with the centre C = (0, 1/k).
        double vx = xM * k;
        double vy = (yM - (1 / k)) * k;
        double angle = Math.Atan2(vx, -vy);
        double scale = Math.Sqrt((vx * vx) + (vy * vy));
        return (angle / k, (1 - scale) / k);
    }

    /// <summary>The lane whose centre is nearest the ego (lane index relative to lane 0, positive left), as a world model reports it.</summary>
    public int EgoLane(in KinematicBicycle ego) => (int)Math.Round(Project(ego.XM, ego.YM).OffsetM / LaneWidthM);

    /// <summary>Lane <paramref name="lane"/>'s centre line in the ego frame, fitted as a cubic.</summary>
    public LaneCentreLine CentreLine(in KinematicBicycle ego, int lane, double confidence = 1)
    {
        double stationM = Project(ego.XM, ego.YM).StationM;
        double cos = Math.Cos(ego.HeadingRad);
        double sin = Math.Sin(ego.HeadingRad);
        Span<double> xs = stackalloc double[Samples];
        Span<double> ys = stackalloc double[Samples];
        for (int i = 0; i < Samples; i++)
        {
            (double x, double y, _) = PointAt(stationM - 5 + (i * 2.5), lane * LaneWidthM);
            double dx = x - ego.XM;
            double dy = y - ego.YM;
            xs[i] = (cos * dx) + (sin * dy);
            ys[i] = (-sin * dx) + (cos * dy);
        }

        Span<double> c = stackalloc double[4];
        FitCubic(xs, ys, c);
        return new LaneCentreLine(c[0], c[1], c[2], c[3], confidence);
    }

    /// <summary>Least squares y ≈ Σ c_j x^j (j = 0..3), on x scaled by 1/50 for conditioning.</summary>
    private static void FitCubic(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, Span<double> coefficients)
    {
        const double Scale = 50;
        Span<double> a = stackalloc double[16];
        Span<double> b = stackalloc double[4];
        for (int i = 0; i < xs.Length; i++)
        {
            double u = xs[i] / Scale;
            Span<double> p = [1, u, u * u, u * u * u];
            for (int r = 0; r < 4; r++)
            {
                b[r] += p[r] * ys[i];
                for (int col = 0; col < 4; col++)
                {
                    a[(r * 4) + col] += p[r] * p[col];
                }
            }
        }

        // Gaussian elimination with partial pivoting.
        for (int col = 0; col < 4; col++)
        {
            int pivot = col;
            for (int r = col + 1; r < 4; r++)
            {
                if (Math.Abs(a[(r * 4) + col]) > Math.Abs(a[(pivot * 4) + col]))
                {
                    pivot = r;
                }
            }

            for (int k = 0; k < 4; k++)
            {
                (a[(col * 4) + k], a[(pivot * 4) + k]) = (a[(pivot * 4) + k], a[(col * 4) + k]);
            }

            (b[col], b[pivot]) = (b[pivot], b[col]);
            for (int r = col + 1; r < 4; r++)
            {
                double f = a[(r * 4) + col] / a[(col * 4) + col];
                for (int k = col; k < 4; k++)
                {
                    a[(r * 4) + k] -= f * a[(col * 4) + k];
                }

                b[r] -= f * b[col];
            }
        }

        for (int r = 3; r >= 0; r--)
        {
            double sum = b[r];
            for (int k = r + 1; k < 4; k++)
            {
                sum -= a[(r * 4) + k] * coefficients[k];
            }

            coefficients[r] = sum / a[(r * 4) + r];
        }

        double scalePower = 1;
        for (int j = 0; j < 4; j++)
        {
            coefficients[j] /= scalePower;
            scalePower *= Scale;
        }
    }
}
