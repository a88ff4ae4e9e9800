namespace Octopilot.Planner.Simulation.Scenarios;

/// <summary>Initial state and vehicle-model parameters of the simulated ego vehicle.</summary>
/// <param name="ActuatorLagS">Time constant of the first-order lag from commanded to actual acceleration, s.</param>
/// <param name="LateralLagS">Time constant of the first-order lag from the planner's lateral target to the actual lateral position, s.</param>
public sealed record EgoSpec(int Lane, double SpeedMps, double ActuatorLagS, double LateralLagS, double WidthM)
{
    /// <summary>Powertrain/brake response, s. Source: typical ACC actuator lag 0.2–0.5 s (the planner's closed-loop test uses 0.3).</summary>
    public const double DefaultActuatorLagS = 0.3;

    /// <summary>Lateral controller response, s. Source: product assumption for a lane-keeping controller tracking a smooth path.</summary>
    public const double DefaultLateralLagS = 0.2;

    /// <summary>Mid-size car width, m (length comes from the planner's bumper positions).</summary>
    public const double DefaultWidthM = 1.8;
}
