using Octopilot.Planner.Simulation.Scenarios;
using Octopilot.Planner.Simulation.Vehicles;

namespace Octopilot.Planner.Simulation.Perception;

/// <summary>
/// Read-only window on the closed loop's state for an <see cref="IWorldModelSource"/>: the scenario, the virtual time,
/// the ego and every scripted vehicle in road coordinates (<see cref="Road"/>: s along lane 0's centre, y left of it,
/// lane i's centre at −i·width), and the ego's pose in the road's map frame (it yaws: a kinematic bicycle). The ego
/// position is its rear axle. One instance per run, updated in place between ticks; read it only during the call.
/// </summary>
public sealed class SimulationView
{
    private readonly SimulatedEgo _ego;
    private readonly TrafficVehicle[] _traffic;

    internal SimulationView(Scenario scenario, RoadFrame road, SimulatedEgo ego, TrafficVehicle[] traffic)
    {
        Scenario = scenario;
        Road = road;
        _ego = ego;
        _traffic = traffic;
    }

    public Scenario Scenario { get; }

    /// <summary>The road's geometry: road coordinates ↔ map frame, lanes.</summary>
    public RoadFrame Road { get; }

    /// <summary>Monotonic virtual time of this tick, ns (the planner's clock).</summary>
    public long NowNs { get; internal set; }

    /// <summary>Time since the scenario started, s.</summary>
    public double TimeS { get; internal set; }

    /// <summary>Ticks since the scenario started.</summary>
    public long Tick { get; internal set; }

    /// <summary>Ego rear axle along the road, m.</summary>
    public double EgoSM => _ego.SM;

    /// <summary>Ego rear axle lateral position, m, left positive (lane 0's centre at 0).</summary>
    public double EgoYM => _ego.YM;

    public double EgoSpeedMps => _ego.SpeedMps;

    public double EgoAccelMps2 => _ego.AccelMps2;

    /// <summary>Ego lateral speed relative to the road over the last tick, m/s, left positive.</summary>
    public double EgoLateralSpeedMps => _ego.LateralSpeedMps;

    /// <summary>Ego rear axle in the map frame: position, m, and heading, rad.</summary>
    public (double XM, double YM, double HeadingRad) EgoMapPose => _ego.MapPose;

    /// <summary>Ego yaw rate, rad/s, left positive.</summary>
    public double EgoYawRateRadps => _ego.YawRateRadps;

    public int VehicleCount => _traffic.Length;

    /// <summary>Centre y of lane <paramref name="lane"/> in this frame, m.</summary>
    public double LaneCentreYM(int lane) => Road.LaneCentreYM(lane);

    public SimulatedVehicle Vehicle(int index)
    {
        TrafficVehicle v = _traffic[index];
        return new SimulatedVehicle(v.Spec.Id, v.SM, v.YM, v.SpeedMps, v.LateralSpeedMps, v.AccelMps2, v.Spec.LengthM, v.Spec.WidthM);
    }
}
