using Octopilot.Cameras.Synthetic;
using Octopilot.Core.Time;
using Octopilot.Planner.Simulation.Perception;

namespace Octopilot.CameraPath;

/// <summary>
/// The closed loop's state as the synthetic cameras see it: ego and traffic poses for the renderer, taken from the
/// <see cref="SimulationView"/> once per perception frame (<see cref="Capture"/>) and extrapolated at constant
/// velocity to the render time (so priming frames before the start show traffic where it came from). Road frame of the
/// planner (lane 0's centre at y = 0) → the renderer's road (lateral from the centreline): d = y + (lanes − 1)·w/2;
/// stations are equal. Ego heading along the road (the closed loop models no yaw). Single-threaded.
/// </summary>
internal sealed class ScenarioWorldState : IEgoMotion, ITrafficMotion
{
    private readonly HighwayRoad _road;
    private readonly double _lateralShiftM;
    private readonly SimulatedVehicle[] _vehicles;
    private long _stateSimTimeNs;
    private double _egoSM;
    private double _egoYM;
    private double _egoSpeedMps;
    private double _egoLateralSpeedMps;

    public ScenarioWorldState(HighwayRoad road, int laneCount, double laneWidthM, int vehicleCount)
    {
        _road = road;
        _lateralShiftM = (laneCount - 1) * laneWidthM / 2;
        _vehicles = new SimulatedVehicle[vehicleCount];
    }

    /// <summary>Takes the current state of the simulation, valid at sim time <paramref name="simTimeNs"/>.</summary>
    public void Capture(SimulationView view, long simTimeNs)
    {
        _stateSimTimeNs = simTimeNs;
        _egoSM = view.EgoSM;
        _egoYM = view.EgoYM;
        _egoSpeedMps = view.EgoSpeedMps;
        _egoLateralSpeedMps = view.EgoLateralSpeedMps;
        for (int i = 0; i < _vehicles.Length; i++)
        {
            _vehicles[i] = view.Vehicle(i);
        }
    }

    public Pose2D PoseAt(long simTimeNs)
    {
        double dtS = TimeUnits.NsToSeconds(simTimeNs - _stateSimTimeNs);
        return _road.RoadToWorld(_egoSM + (_egoSpeedMps * dtS), _egoYM + (_egoLateralSpeedMps * dtS) + _lateralShiftM);
    }

    public Pose2D PoseAt(int index, long simTimeNs)
    {
        double dtS = TimeUnits.NsToSeconds(simTimeNs - _stateSimTimeNs);
        SimulatedVehicle v = _vehicles[index];
        Pose2D onRoad = _road.RoadToWorld(v.SM + (v.SpeedMps * dtS), v.YM + (v.LateralSpeedMps * dtS) + _lateralShiftM);
        double yaw = v.SpeedMps > 0 ? Math.Atan2(v.LateralSpeedMps, v.SpeedMps) : 0;
        return onRoad with { HeadingRad = onRoad.HeadingRad + yaw };
    }
}
