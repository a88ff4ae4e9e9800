namespace Octopilot.Vehicle.Can.Mapping;

/// <summary>The vehicle-state field one mapped signal writes.</summary>
internal enum VehicleField : byte
{
    Speed,
    WheelFrontLeft,
    WheelFrontRight,
    WheelRearLeft,
    WheelRearRight,
    DisplaySpeed,
    TurnSignal,
    CruiseSetSpeed,
    CruiseEngaged,
    CruiseMainOn,
    BrakePressed,
    GasPressed,
    FollowDistance,
    SteeringWheelAngle,
    SteeringWheelAngleFraction,
    DriverSteeringTorque,
    EpsMotorTorque,
}
