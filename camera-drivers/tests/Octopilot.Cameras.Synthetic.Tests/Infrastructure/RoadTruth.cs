using Octopilot.Core.Calibration;
using Octopilot.Core.Geometry;
using Octopilot.Core.Labels;

namespace Octopilot.Cameras.Synthetic.Tests.Infrastructure;

/// <summary>
/// The class a ground pixel must have, computed independently of the renderer: the calibration's own pixel-centre
/// ray (double precision) meets the ground, the point goes to road coordinates, and the road rules decide. Points
/// within <see cref="BoundaryToleranceM"/> of a class boundary are called ambiguous (float rounding may go either way).
/// </summary>
internal static class RoadTruth
{
    public const double BoundaryToleranceM = 0.003;

    public static bool TryExpectedClass(CameraCalibration camera, HighwayWorld world, long simTimeNs, int u, int v, out LabelClass expected, out bool ambiguous, out double rangeM)
    {
        expected = LabelClass.Sky;
        ambiguous = false;
        rangeM = double.PositiveInfinity;
        if (!camera.TryPixelToGround(u, v, out Vec3 groundEgo))
        {
            return false;
        }

        rangeM = (groundEgo - camera.PositionInEgoM).Length;

        Pose2D ego = world.EgoPoseAt(simTimeNs);
        RoadPoint egoRoad = world.EgoRoadPointAt(ego, simTimeNs);
        (double sin, double cos) = Math.SinCos(ego.HeadingRad);
        double wx = ego.XM + (cos * groundEgo.X) - (sin * groundEgo.Y);
        double wy = ego.YM + (sin * groundEgo.X) + (cos * groundEgo.Y);
        RoadPoint p = world.Road.WorldToRoad(wx, wy, egoRoad.StationM);
        RoadSpec road = world.Road.Spec;
        double half = road.RoadWidthM / 2, abs = Math.Abs(p.LateralM);
        double tolerance = BoundaryToleranceM + (1e-6 * groundEgo.Length);
        ambiguous = Near(abs, half + road.ShoulderWidthM, tolerance) || Near(abs, half, tolerance) || Near(abs, half - road.MarkingWidthM, tolerance);
        if (abs > half)
        {
            expected = LabelClass.OffRoad;
            return true;
        }

        if (abs >= half - road.MarkingWidthM)
        {
            expected = LabelClass.SolidLaneMarking;
            return true;
        }

        expected = LabelClass.Road;
        for (int divider = 1; divider < road.LaneCount; divider++)
        {
            double dividerLateral = half - (divider * road.LaneWidthM);
            double across = Math.Abs(p.LateralM - dividerLateral);
            ambiguous |= Near(across, road.MarkingWidthM / 2, tolerance);
            if (across <= road.MarkingWidthM / 2)
            {
                double period = road.DashLengthM + road.GapLengthM;
                double phase = p.StationM - (Math.Floor(p.StationM / period) * period);
                ambiguous |= Near(phase, road.DashLengthM, tolerance) || phase < tolerance || phase > period - tolerance;
                if (phase < road.DashLengthM)
                {
                    expected = LabelClass.LaneMarking;
                }
            }
        }

        return true;
    }

    private static bool Near(double value, double boundary, double tolerance) => Math.Abs(value - boundary) < tolerance;
}
