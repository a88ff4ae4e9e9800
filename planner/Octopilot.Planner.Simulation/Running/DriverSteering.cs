using Octopilot.Planner.Simulation.Vehicles;

namespace Octopilot.Planner.Simulation.Running;

/// <summary>
/// The simulated driver's hands on the wheel, used whenever the planner does not steer (no lateral authority, or a
/// takeover request the driver has answered): keeps the rear axle on the centre of the lane it is in, looking
/// <see cref="PreviewS"/> ahead on the true road (pure pursuit on ground truth: an attentive driver, not a model of
/// human error). Without it a car on a curve would leave the road the moment lateral control hands back.
/// </summary>
internal static class DriverSteering
{
    /// <summary>Driver preview time, s. Source: 1–2 s preview in driver steering models (e.g. MacAdam 1981).</summary>
    public const double PreviewS = 1.2;

    /// <summary>Shortest look-ahead, m (parking speeds).</summary>
    public const double MinLookAheadM = 8;

    /// <summary>How long a driver takes to put hands on the wheel after a takeover request, s (ISO/TR 21959: ≈ 1 s for an alert driver).</summary>
    public const double ReactionS = 1.0;

    /// <summary>Curvature that takes the ego to the centre of its lane at the look-ahead distance, 1/m.</summary>
    public static double CurvaturePerM(RoadFrame road, SimulatedEgo ego)
    {
        double lookAheadM = Math.Max(MinLookAheadM, ego.SpeedMps * PreviewS);
        double laneYM = road.LaneCentreYM(road.LaneAt(ego.YM));
        double stationAheadM = ego.SM + (lookAheadM / road.PathScaleAt(laneYM));
        (double x, double y, _) = road.ToMap(stationAheadM, laneYM);
        (double egoX, double egoY, double heading) = ego.MapPose;
        (double sin, double cos) = Math.SinCos(heading);
        double dx = x - egoX, dy = y - egoY;
        double forwardM = (cos * dx) + (sin * dy);
        double leftM = (-sin * dx) + (cos * dy);
        return 2 * leftM / ((forwardM * forwardM) + (leftM * leftM));
    }
}
