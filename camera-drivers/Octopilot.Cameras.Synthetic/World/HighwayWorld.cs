using Octopilot.Core.Time;

namespace Octopilot.Cameras.Synthetic;

/// <summary>
/// The deterministic world of a scenario at any sim time (ns since sim start): the ego pose (from <see cref="IEgoMotion"/>)
/// and every scripted vehicle's pose. Vehicles advance along their lane at constant station speed; a lane change moves
/// them sideways on a quintic smoothstep (zero lateral speed and acceleration at both ends) and yaws them by the
/// angle of their lateral over longitudinal speed. Pure functions of time, no state: thread-safe, allocation-free.
/// </summary>
public sealed class HighwayWorld
{
    private readonly VehicleSpec[] _vehicles;
    private readonly ITrafficMotion? _trafficMotion;

    /// <param name="scenario">Road, ego start and vehicles (sizes, colours and, unless <paramref name="trafficMotion"/> is given, their motion).</param>
    /// <param name="egoMotion">The ego's drive; null: centred in its lane at constant speed.</param>
    /// <param name="trafficMotion">The vehicles' motion; null: the scenario's script.</param>
    public HighwayWorld(HighwayScenario scenario, IEgoMotion? egoMotion = null, ITrafficMotion? trafficMotion = null)
    {
        _trafficMotion = trafficMotion;
        Scenario = scenario;
        Road = new HighwayRoad(scenario.Road);
        EgoMotion = egoMotion ?? new LaneFollowingEgoMotion(Road, scenario.Ego);
        _vehicles = scenario.Vehicles.ToArray();
    }

    public HighwayScenario Scenario { get; }

    public HighwayRoad Road { get; }

    public IEgoMotion EgoMotion { get; }

    public int VehicleCount => _vehicles.Length;

    public VehicleSpec Vehicle(int index) => _vehicles[index];

    public Pose2D EgoPoseAt(long simTimeNs) => EgoMotion.PoseAt(simTimeNs);

    /// <summary>
    /// Road coordinates of an ego pose at a sim time. On a curve the station is fixed to the revolution nearest the
    /// scripted drive (start station + speed · t), so the answer depends on the time, never on earlier calls.
    /// </summary>
    public RoadPoint EgoRoadPointAt(Pose2D egoPose, long simTimeNs) =>
        Road.WorldToRoad(egoPose.XM, egoPose.YM, Scenario.Ego.StartStationM + (Scenario.Ego.SpeedMps * TimeUnits.NsToSeconds(simTimeNs)));

    /// <summary>Road coordinates of vehicle <paramref name="index"/>'s box centre at a sim time, as scripted in the scenario.</summary>
    public RoadPoint VehicleRoadPointAt(int index, long simTimeNs)
    {
        VehicleSpec v = _vehicles[index];
        double tS = TimeUnits.NsToSeconds(simTimeNs);
        double station = Scenario.Ego.StartStationM + v.StationOffsetM + (v.SpeedMps * tS);
        (double lateral, _) = LateralAt(v, tS);
        return new RoadPoint(station, lateral);
    }

    /// <summary>World pose of vehicle <paramref name="index"/>'s box ground centre at a sim time.</summary>
    public Pose2D VehiclePoseAt(int index, long simTimeNs)
    {
        if (_trafficMotion is not null)
        {
            return _trafficMotion.PoseAt(index, simTimeNs);
        }

        VehicleSpec v = _vehicles[index];
        double tS = TimeUnits.NsToSeconds(simTimeNs);
        double station = Scenario.Ego.StartStationM + v.StationOffsetM + (v.SpeedMps * tS);
        (double lateral, double lateralSpeedMps) = LateralAt(v, tS);
        Pose2D onRoad = Road.RoadToWorld(station, lateral);
        double yaw = v.SpeedMps > 0 ? Math.Atan2(lateralSpeedMps, v.SpeedMps) : 0;
        return onRoad with { HeadingRad = onRoad.HeadingRad + yaw };
    }

    private (double LateralM, double LateralSpeedMps) LateralAt(VehicleSpec v, double tS)
    {
        double from = Road.Spec.LaneCentreOffsetM(v.LaneIndex);
        if (v.LaneChange is not LaneChangeSpec change)
        {
            return (from, 0);
        }

        double to = Road.Spec.LaneCentreOffsetM(change.TargetLaneIndex);
        double u = Math.Clamp((tS - change.StartS) / change.DurationS, 0, 1);
        double u2 = u * u;
        double profile = u2 * u * (10 - (15 * u) + (6 * u2));
        double slope = 30 * u2 * (1 - (2 * u) + u2);
        return (from + ((to - from) * profile), (to - from) * slope / change.DurationS);
    }
}
