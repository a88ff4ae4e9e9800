namespace Octopilot.Vehicle.Can.Mapping;

/// <summary>
/// Which DBC signals feed which vehicle-state fields. Immutable; checked against the DBC when a
/// <see cref="VehicleStateDecoder"/> is built (every name must exist, units must be known). Unset optional fields stay
/// at their defaults (false, 0, no turn signal). Every mapped message is required for a valid state unless listed in
/// <see cref="MessagesWithoutAgeLimit"/>. The Toyota TSS-P preset is <see cref="Toyota.ToyotaTssP.SignalMap"/>.
/// </summary>
public sealed record VehicleSignalMap
{
    private readonly double _steeringPressedThreshold = 100;

    public SpeedSource SpeedSource { get; init; } = SpeedSource.WheelSpeedMean;

    /// <summary>The speed signal when <see cref="SpeedSource"/> is <see cref="SpeedSource.Signal"/>; unit km/h, m/s or mph.</summary>
    public SignalRef? Speed { get; init; }

    public SignalRef? WheelSpeedFrontLeft { get; init; }

    public SignalRef? WheelSpeedFrontRight { get; init; }

    public SignalRef? WheelSpeedRearLeft { get; init; }

    public SignalRef? WheelSpeedRearRight { get; init; }

    /// <summary>The speedometer's speed (for display and logs), unit km/h, m/s or mph.</summary>
    public SignalRef? DisplaySpeed { get; init; }

    /// <summary>Turn-signal state; <see cref="TurnSignalLeftRaw"/> / <see cref="TurnSignalRightRaw"/> mean left / right, anything else none.</summary>
    public SignalRef? TurnSignal { get; init; }

    public long TurnSignalLeftRaw { get; init; } = 1;

    public long TurnSignalRightRaw { get; init; } = 2;

    /// <summary>Cruise set speed, unit km/h, m/s or mph.</summary>
    public SignalRef? CruiseSetSpeed { get; init; }

    /// <summary>Cruise (ACC) actively controlling: engaged when the raw value is not 0.</summary>
    public SignalRef? CruiseEngaged { get; init; }

    /// <summary>Cruise main switch on: not 0.</summary>
    public SignalRef? CruiseMainOn { get; init; }

    /// <summary>Brake pedal pressed: not 0.</summary>
    public SignalRef? BrakePressed { get; init; }

    /// <summary>Gas pedal pressed: not 0, or 0 when <see cref="GasPressedWhenZero"/> (Toyota reports GAS_RELEASED).</summary>
    public SignalRef? GasPressed { get; init; }

    public bool GasPressedWhenZero { get; init; }

    /// <summary>Time-gap selector; raw values for short, medium and long below, anything else keeps the last setting.</summary>
    public SignalRef? FollowDistance { get; init; }

    public long FollowDistanceShortRaw { get; init; } = 3;

    public long FollowDistanceMediumRaw { get; init; } = 2;

    public long FollowDistanceLongRaw { get; init; } = 1;

    /// <summary>
    /// Steering-wheel angle, + left (counter-clockwise), DBC unit deg or rad. With <see cref="SteeringGeometry"/> it
    /// gives the yaw rate (<see cref="Planner.Inputs.VehicleState.YawRateRadps"/>), kinematic: v·tan(angle / ratio) / L.
    /// </summary>
    public SignalRef? SteeringWheelAngle { get; init; }

    /// <summary>A finer part added to <see cref="SteeringWheelAngle"/> (Toyota: 1.5° steps plus a 0.1° fraction); same message and unit kind.</summary>
    public SignalRef? SteeringWheelAngleFraction { get; init; }

    /// <summary>Wheelbase and steer ratio for the yaw rate; required when <see cref="SteeringWheelAngle"/> is mapped.</summary>
    public SteeringGeometry? SteeringGeometry { get; init; }

    /// <summary>Torque the driver applies to the steering wheel, DBC units (+ left). Drives <see cref="VehicleStateSample.SteeringPressed"/>.</summary>
    public SignalRef? DriverSteeringTorque { get; init; }

    /// <summary>
    /// |<see cref="DriverSteeringTorque"/>| above this (DBC units) means the driver is steering (an override), finite
    /// and &gt; 0. Default 100: openpilot's Toyota <c>STEER_THRESHOLD</c>.
    /// </summary>
    public double SteeringPressedThreshold
    {
        get => _steeringPressedThreshold;
        init => _steeringPressedThreshold = value > 0 && double.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(SteeringPressedThreshold), value, "the steering-pressed threshold must be finite and > 0 (DBC torque units)");
    }

    /// <summary>Torque the power-steering motor reports, DBC units (+ left): what a torque command is limited against.</summary>
    public SignalRef? EpsMotorTorque { get; init; }

    /// <summary>
    /// Messages sent on change or slowly (a blinker message every ~10 s): their last value holds, however old; they
    /// never make the state silent. They still must have been seen once for the state to be complete.
    /// </summary>
    public IReadOnlyList<string> MessagesWithoutAgeLimit { get; init; } = [];

    /// <summary>Name of the checksum signal to verify on every mapped message that has one (null: verify nothing).</summary>
    public string? ChecksumSignal { get; init; }
}
