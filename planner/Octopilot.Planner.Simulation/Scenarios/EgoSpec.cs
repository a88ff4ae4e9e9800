using Octopilot.Planner.Lateral;

namespace Octopilot.Planner.Simulation.Scenarios;

/// <summary>Initial state and vehicle-model parameters of the simulated ego vehicle.</summary>
/// <param name="LateralOffsetM">Start offset of the rear axle from its lane's centre, m, left positive.</param>
/// <param name="ActuatorLagS">Time constant of the first-order lag from commanded to actual acceleration, s.</param>
/// <param name="SteeringLagS">Time constant of the first-order lag from commanded to actual road-wheel angle, s.</param>
/// <param name="WheelbaseM">Wheelbase of the kinematic bicycle, m.</param>
public sealed record EgoSpec(int Lane, double SpeedMps, double ActuatorLagS, double SteeringLagS, double WidthM,
    double LateralOffsetM = 0, double WheelbaseM = KinematicBicycle.DefaultWheelbaseM)
{
    /// <summary>Powertrain/brake response, s. Source: typical ACC actuator lag 0.2–0.5 s (the planner's closed-loop test uses 0.3).</summary>
    public const double DefaultActuatorLagS = 0.3;

    /// <summary>EPS + steering column response, s (the bicycle's default; issue #8: 0.1–0.3 s).</summary>
    public const double DefaultSteeringLagS = KinematicBicycle.DefaultSteeringLagS;

    /// <summary>Mid-size car width, m (length comes from the planner's bumper positions).</summary>
    public const double DefaultWidthM = 1.8;
}
