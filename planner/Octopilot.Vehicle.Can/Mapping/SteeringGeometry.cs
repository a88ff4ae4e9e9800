namespace Octopilot.Vehicle.Can.Mapping;

/// <summary>
/// What turns a steering-wheel angle into a path: the wheelbase and the steering ratio (steering-wheel angle per
/// road-wheel angle). Used for the kinematic yaw rate r = v·tan(δ_sw / ratio) / L (no tyre slip: at speed a real car
/// understeers, so this reads high; see the README's RAV4 numbers). Immutable; each value is checked when set.
/// The Toyota RAV4 2017 values are <see cref="Toyota.ToyotaTssP.Geometry"/>.
/// </summary>
public sealed record SteeringGeometry
{
    private readonly double _wheelbaseM = 1;
    private readonly double _steerRatio = 1;

    /// <summary>Front-to-rear axle distance, m, finite and &gt; 0.</summary>
    public required double WheelbaseM
    {
        get => _wheelbaseM;
        init => _wheelbaseM = value > 0 && double.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(WheelbaseM), value, "the wheelbase must be finite and > 0 m");
    }

    /// <summary>Steering-wheel angle per road-wheel angle (unitless), finite and ≥ 1 (no car gears the wheel up).</summary>
    public required double SteerRatio
    {
        get => _steerRatio;
        init => _steerRatio = value >= 1 && double.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(SteerRatio), value, "the steer ratio must be finite and ≥ 1");
    }

    /// <summary>Road-wheel angle, rad (+ left), for a steering-wheel angle in degrees (+ left).</summary>
    public double RoadWheelAngleRad(double steeringWheelAngleDeg) => steeringWheelAngleDeg * (Math.PI / 180) / SteerRatio;

    /// <summary>Kinematic yaw rate v·tan(δ)/L, rad/s, + left (counter-clockwise seen from above).</summary>
    public double YawRateRadps(double speedMps, double steeringWheelAngleDeg) =>
        speedMps * Math.Tan(RoadWheelAngleRad(steeringWheelAngleDeg)) / WheelbaseM;
}
