namespace Octopilot.Vehicle.Can.Steering;

/// <summary>
/// What the lateral command needs from the car at the moment a frame is made: the decoded steering sensors, speed,
/// the driver's pedals and cruise state (which decide whether the car's safety layer accepts any torque at all), and
/// whether the state was valid when read. A plain value, built by the CAN interface from the newest decoded state.
/// </summary>
public readonly struct SteeringFeedback
{
    /// <summary>The vehicle state was <see cref="VehicleStateValidity.Valid"/> at the read (complete, nothing silent).</summary>
    public bool StateValid { get; init; }

    public double SpeedMps { get; init; }

    /// <summary>Kinematic yaw rate from speed and steering-wheel angle, rad/s, + left.</summary>
    public double YawRateRadps { get; init; }

    /// <summary>Steering-wheel angle, deg, + left.</summary>
    public double SteeringWheelAngleDeg { get; init; }

    /// <summary>Driver torque on the wheel, DBC units, + left.</summary>
    public double DriverTorque { get; init; }

    /// <summary>Torque the power-steering motor reports, DBC units (before the car's EPS scale), + left.</summary>
    public double EpsMotorTorque { get; init; }

    /// <summary>|<see cref="DriverTorque"/>| above the map's threshold.</summary>
    public bool SteeringPressed { get; init; }

    /// <summary>The car's cruise control is engaged (Toyota: PCM_CRUISE.CRUISE_ACTIVE).</summary>
    public bool CruiseEngaged { get; init; }

    public bool BrakePressed { get; init; }

    public bool GasPressed { get; init; }

    /// <summary>Lateral acceleration the car is making, m/s², + left: v · yaw rate (kinematic, from the steering angle).</summary>
    public double MeasuredLateralAccelMps2 => SpeedMps * YawRateRadps;
}
