namespace Octopilot.Vehicle.Simulation;

/// <summary>
/// A point-mass car whose acceleration follows the command through a first-order lag (powertrain and brakes), speed
/// never below 0 (a stopped car is held by its brakes; it does not roll back). The same longitudinal equations as the
/// closed-loop simulation's ego (<c>Octopilot.Planner.Simulation.Vehicles.SimulatedEgo</c> steps this class),
/// so a <c>sim</c> run and the scenario suite drive the same car. Not thread-safe: one thread steps it.
/// </summary>
public sealed class LongitudinalPointMass
{
    /// <summary>Shortest accepted actuator lag, s: the explicit Euler step below stays stable for dt ≤ τ, and the sub-step is 10 ms.</summary>
    public const double MinActuatorLagS = 0.01;

    public LongitudinalPointMass(double speedMps, double actuatorLagS)
    {
        if (!(speedMps >= 0) || !double.IsFinite(speedMps))
        {
            throw new ArgumentOutOfRangeException(nameof(speedMps), speedMps, "initial speed must be finite and ≥ 0 m/s");
        }

        if (!(actuatorLagS >= MinActuatorLagS) || !double.IsFinite(actuatorLagS))
        {
            throw new ArgumentOutOfRangeException(nameof(actuatorLagS), actuatorLagS, $"actuator lag must be finite and ≥ {MinActuatorLagS} s");
        }

        SpeedMps = speedMps;
        ActuatorLagS = actuatorLagS;
    }

    public double ActuatorLagS { get; }

    /// <summary>Distance travelled, m.</summary>
    public double PositionM { get; private set; }

    public double SpeedMps { get; private set; }

    /// <summary>Actual longitudinal acceleration, m/s² (what an IMU would read).</summary>
    public double AccelMps2 { get; private set; }

    /// <summary>Integrates <paramref name="dtS"/> seconds with the command held constant (explicit Euler on the lag).</summary>
    public void Step(double commandMps2, double dtS)
    {
        // The clamp keeps a coarse step from overshooting the command (dt > τ would otherwise oscillate).
        double alpha = Math.Min(1.0, dtS / ActuatorLagS);
        AccelMps2 += (commandMps2 - AccelMps2) * alpha;
        double nextSpeedMps = SpeedMps + (AccelMps2 * dtS);
        if (nextSpeedMps <= 0)
        {
            // Brakes hold a stopped car: no reverse, and no deceleration left once stopped.
            PositionM += 0.5 * SpeedMps * dtS;
            SpeedMps = 0;
            AccelMps2 = Math.Max(0, AccelMps2);
        }
        else
        {
            PositionM += 0.5 * (SpeedMps + nextSpeedMps) * dtS;
            SpeedMps = nextSpeedMps;
        }
    }
}
