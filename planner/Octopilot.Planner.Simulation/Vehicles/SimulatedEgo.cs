using Octopilot.Vehicle.Simulation;

namespace Octopilot.Planner.Simulation.Vehicles;

/// <summary>
/// The simulated ego vehicle. Longitudinal: <see cref="LongitudinalPointMass"/> (acceleration follows the command
/// through a first-order lag, a stopped car is held), the same car the service's simulated vehicle drives. Lateral:
/// the position follows the planner's lateral target through a first-order lag (a lateral controller tracking the
/// smooth path). Position <see cref="SM"/> is the rear axle along the road.
/// </summary>
internal sealed class SimulatedEgo(double speedMps, double yM, double actuatorLagS, double lateralLagS)
{
    private readonly LongitudinalPointMass _car = new(speedMps, actuatorLagS);

    public double SM => _car.PositionM;

    public double YM { get; private set; } = yM;

    public double SpeedMps => _car.SpeedMps;

    /// <summary>Actual longitudinal acceleration, m/s² (what an IMU would read).</summary>
    public double AccelMps2 => _car.AccelMps2;

    /// <summary>Lateral speed over the last step, m/s, left positive.</summary>
    public double LateralSpeedMps { get; private set; }

    public void Step(double commandMps2, double lateralTargetYM, double dtS)
    {
        _car.Step(commandMps2, dtS);
        double previousYM = YM;
        YM += (lateralTargetYM - YM) * Math.Min(1.0, dtS / lateralLagS);
        LateralSpeedMps = (YM - previousYM) / dtS;
    }
}
