namespace Octopilot.Vehicle.Can.Steering;

/// <summary>
/// Everything the lateral command over CAN needs for a torque-steered car: the frame layout, the torque limits and the
/// curvature → torque controller. Immutable. The Toyota TSS-P preset is <see cref="Toyota.ToyotaTssP.LateralCommand"/>.
/// </summary>
public sealed record LateralTorqueCommandSpec
{
    public required SteeringTorqueFrameSpec Frame { get; init; }

    public SteeringTorqueLimits Limits { get; init; } = new();

    public TorqueControllerOptions Controller { get; init; } = new();
}
