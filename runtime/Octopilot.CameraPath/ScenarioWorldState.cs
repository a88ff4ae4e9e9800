using Octopilot.Cameras.Synthetic;
using Octopilot.Core.Time;
using Octopilot.Planner.Simulation.Perception;
using Octopilot.Planner.Simulation.Vehicles;

namespace Octopilot.CameraPath;

/// <summary>
/// The closed loop's state as the synthetic cameras see it: ego and traffic poses for the renderer, taken from the
/// <see cref="SimulationView"/> once per perception frame (<see cref="Capture"/>) and extrapolated to the render time
/// (the ego along its arc at its yaw rate, traffic along the road at constant speed), so priming frames before the
/// start show everything where it came from. The simulation's map frame has lane 0's centre through the origin; the
/// renderer's has the road's centre line there. Both roads are the same circle (or line), so the frames differ by the
/// lane-0 offset (n − 1)·w/2 along y, and a map pose is a renderer pose after that shift. Single-threaded.
/// </summary>
internal sealed class ScenarioWorldState : IEgoMotion, ITrafficMotion
{
    private readonly RoadFrame _road;
    private readonly double _lane0OffsetM;
    private readonly SimulatedVehicle[] _vehicles;
    private long _stateSimTimeNs;
    private (double XM, double YM, double HeadingRad) _egoPose;
    private double _egoSpeedMps;
    private double _egoYawRateRadps;

    public ScenarioWorldState(RoadFrame road, double lane0OffsetM, int vehicleCount)
    {
        _road = road;
        _lane0OffsetM = lane0OffsetM;
        _vehicles = new SimulatedVehicle[vehicleCount];
    }

    /// <summary>Takes the current state of the simulation, valid at sim time <paramref name="simTimeNs"/>.</summary>
    public void Capture(SimulationView view, long simTimeNs)
    {
        _stateSimTimeNs = simTimeNs;
        _egoPose = view.EgoMapPose;
        _egoSpeedMps = view.EgoSpeedMps;
        _egoYawRateRadps = view.EgoYawRateRadps;
        for (int i = 0; i < _vehicles.Length; i++)
        {
            _vehicles[i] = view.Vehicle(i);
        }
    }

    public Pose2D PoseAt(long simTimeNs)
    {
        double dtS = TimeUnits.NsToSeconds(simTimeNs - _stateSimTimeNs);
        double arcM = _egoSpeedMps * dtS;
        double turnRad = _egoYawRateRadps * dtS;

        // The chord of the arc, along the mid heading (exact for a constant yaw rate; a straight line when it is 0).
        double chordM = Math.Abs(turnRad) < 1e-9 ? arcM : 2 * arcM * Math.Sin(turnRad / 2) / turnRad;
        double midRad = _egoPose.HeadingRad + (turnRad / 2);
        return new Pose2D(
            _egoPose.XM + (chordM * Math.Cos(midRad)),
            _egoPose.YM + (chordM * Math.Sin(midRad)) + _lane0OffsetM,
            _egoPose.HeadingRad + turnRad);
    }

    public Pose2D PoseAt(int index, long simTimeNs)
    {
        double dtS = TimeUnits.NsToSeconds(simTimeNs - _stateSimTimeNs);
        SimulatedVehicle v = _vehicles[index];
        double yM = v.YM + (v.LateralSpeedMps * dtS);
        (double x, double y, double roadHeading) = _road.ToMap(v.SM + (v.SpeedMps * dtS / _road.PathScaleAt(yM)), yM);
        double yaw = v.SpeedMps > 0 ? Math.Atan2(v.LateralSpeedMps, v.SpeedMps) : 0;
        return new Pose2D(x, y + _lane0OffsetM, roadHeading + yaw);
    }
}
