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

        return LaneCentreLineFit.Cubic(xs, ys, confidence);
    }
}
