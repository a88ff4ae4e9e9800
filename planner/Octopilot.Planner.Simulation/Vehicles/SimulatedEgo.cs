namespace Octopilot.Planner.Simulation.Vehicles;

/// <summary>
/// The simulated ego vehicle. Longitudinal: a point mass whose acceleration follows the command through a first-order
/// lag (powertrain and brakes), speed never below 0 (a stopped car is held, it does not roll back). Lateral: the
/// position follows the planner's lateral target through a first-order lag (a lateral controller tracking the
/// smooth path). Position <see cref="SM"/> is the rear axle along the road.
/// </summary>
internal sealed class SimulatedEgo(double speedMps, double yM, double actuatorLagS, double lateralLagS)
{
    public double SM { get; private set; }

    public double YM { get; private set; } = yM;

    public double SpeedMps { get; private set; } = speedMps;

    /// <summary>Actual longitudinal acceleration, m/s² (what an IMU would read).</summary>
    public double AccelMps2 { get; private set; }

    /// <summary>Lateral speed over the last step, m/s, left positive.</summary>
    public double LateralSpeedMps { get; private set; }

    public void Step(double commandMps2, double lateralTargetYM, double dtS)
    {
        // Explicit Euler on the lag; the file rules keep τ ≥ 0.01 s, and the clamp keeps a coarse tick from overshooting.
        double alpha = Math.Min(1.0, dtS / actuatorLagS);
        AccelMps2 += (commandMps2 - AccelMps2) * alpha;
        double nextSpeedMps = SpeedMps + (AccelMps2 * dtS);
        if (nextSpeedMps <= 0)
        {
            // Brakes hold a stopped car: no reverse, and no deceleration left once stopped.
            SM += 0.5 * SpeedMps * dtS;
            SpeedMps = 0;
            AccelMps2 = Math.Max(0, AccelMps2);
        }
        else
        {
            SM += 0.5 * (SpeedMps + nextSpeedMps) * dtS;
            SpeedMps = nextSpeedMps;
        }

        double previousYM = YM;
        YM += (lateralTargetYM - YM) * Math.Min(1.0, dtS / lateralLagS);
        LateralSpeedMps = (YM - previousYM) / dtS;
    }
}
