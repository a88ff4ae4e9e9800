namespace Octopilot.Planner.Lateral;

/// <summary>
/// The simulated car's lateral model: a kinematic bicycle referenced at the rear axle, with a first-order lag from the
/// commanded to the actual road-wheel angle. Commanded curvature κ → δ_cmd = atan(L·κ) (clamped to ±<see cref="MaxSteeringAngleRad"/>);
/// δ' = (δ_cmd − δ)/τ (integrated exactly over dt); then the pose moves along an arc of curvature tan(δ)/L.
/// Speed is set by the caller (the longitudinal model). A mutable value: step it in place. No allocation.
/// </summary>
public struct KinematicBicycle
{
    /// <summary>Wheelbase, m. Source: mid-size car (matches PlannerOptions' 2.8 m + 0.9 m overhang).</summary>
    public const double DefaultWheelbaseM = 2.8;

    /// <summary>Steering lag time constant, s. Source: issue #8 (EPS + steering column, ≈ 0.1–0.3 s).</summary>
    public const double DefaultSteeringLagS = 0.2;

    /// <summary>Road-wheel angle end-stop, rad (≈ 34°).</summary>
    public const double MaxSteeringAngleRad = 0.6;

    public KinematicBicycle(double xM, double yM, double headingRad, double speedMps,
        double wheelbaseM = DefaultWheelbaseM, double steeringLagS = DefaultSteeringLagS, double initialCurvaturePerM = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(wheelbaseM);
        ArgumentOutOfRangeException.ThrowIfNegative(steeringLagS);
        XM = xM;
        YM = yM;
        HeadingRad = headingRad;
        SpeedMps = speedMps;
        WheelbaseM = wheelbaseM;
        SteeringLagS = steeringLagS;
        SteeringAngleRad = Math.Atan(wheelbaseM * initialCurvaturePerM);
    }

    /// <summary>Rear-axle position in the world frame, m.</summary>
    public double XM { get; private set; }

    /// <inheritdoc cref="XM"/>
    public double YM { get; private set; }

    /// <summary>Heading in the world frame, rad, counter-clockwise from +x.</summary>
    public double HeadingRad { get; private set; }

    /// <summary>Speed, m/s; set by the caller.</summary>
    public double SpeedMps { get; set; }

    /// <summary>Actual road-wheel angle, rad, positive left.</summary>
    public double SteeringAngleRad { get; private set; }

    public double WheelbaseM { get; }

    public double SteeringLagS { get; }

    /// <summary>Actual path curvature tan(δ)/L, 1/m.</summary>
    public readonly double CurvaturePerM => Math.Tan(SteeringAngleRad) / WheelbaseM;

    /// <summary>Yaw rate v·κ, rad/s.</summary>
    public readonly double YawRateRadps => SpeedMps * CurvaturePerM;

    /// <summary>Lateral acceleration v²·κ, m/s² (kinematic: no slip).</summary>
    public readonly double LateralAccelMps2 => SpeedMps * SpeedMps * CurvaturePerM;

    /// <summary>Advances <paramref name="dtS"/> seconds with the commanded curvature held over the step.</summary>
    public void Step(double curvatureCommandPerM, double dtS)
    {
        double commandRad = Math.Clamp(Math.Atan(WheelbaseM * curvatureCommandPerM), -MaxSteeringAngleRad, MaxSteeringAngleRad);
        double blend = SteeringLagS > 0 ? 1 - Math.Exp(-dtS / SteeringLagS) : 1;
        SteeringAngleRad += (commandRad - SteeringAngleRad) * blend;

        double kappa = CurvaturePerM;
        double arcM = SpeedMps * dtS;
        double turnRad = kappa * arcM;
        if (Math.Abs(turnRad) < 1e-9)
        {
            XM += arcM * Math.Cos(HeadingRad);
            YM += arcM * Math.Sin(HeadingRad);
        }
        else
        {
            // Exact arc: chord of length 2 sin(Δψ/2)/κ along the mid heading.
            double chordM = 2 * Math.Sin(turnRad / 2) / kappa;
            double midRad = HeadingRad + (turnRad / 2);
            XM += chordM * Math.Cos(midRad);
            YM += chordM * Math.Sin(midRad);
        }

        HeadingRad += turnRad;
    }
}
